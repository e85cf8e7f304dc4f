import type { LibraryModel } from '../concepts.js';

/** Nodemailer: `createTransport({ auth: { user, pass } })`: `pass` is the SMTP account's password or app password. */
export const nodemailer: LibraryModel = {
  name: 'nodemailer',
  modules: ['nodemailer'],
  docs: 'https://nodemailer.com/smtp/#authentication',
  rows: [{ concept: 'secret-argument', path: 'createTransport', argument: 0, property: 'auth.pass', secret: 'password' }],
};
