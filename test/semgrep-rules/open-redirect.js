const express = require('express');

const app = express();
const HOME = '/home';

function nextStep(req) {
  return req.query.next;
}

function toLocalPath(url) {
  return new URL(url, 'http://local').pathname;
}

app.get('/login/done', (req, res) => {
  // ruleid: redirect-to-request-url
  res.redirect(req.query.next);
});

app.get('/after/:target', (req, res) => {
  const target = '/' + req.params.target;
  // ruleid: redirect-to-request-url
  res.redirect(302, target);
});

app.get('/helper', (req, res) => {
  // ruleid: redirect-to-request-url
  res.redirect(nextStep(req));
});

app.get('/safe', (req, res) => {
  // ok: redirect-to-request-url
  res.redirect(toLocalPath(req.query.next));
});

app.get('/home', (req, res) => {
  // ok: redirect-to-request-url
  res.redirect(HOME);
});

app.post('/form', (req, res) => {
  // ok: redirect-to-request-url
  res.redirect(req.body.next);
});

module.exports = { app };
