const express = require('express');

const app = express();

app.post('/login', function (req, res) {
  // ruleid: session-cookie-without-httponly
  res.cookie('sid', req.session.id, { secure: true });
  // ok: session-cookie-without-httponly
  res.cookie('session', req.session.id, { secure: true, httpOnly: true });
  // ok: session-cookie-without-httponly
  res.cookie('theme', 'dark', { secure: true });
  res.end();
});

app.get('/token', (request, response) => {
  // ruleid: session-cookie-without-httponly
  response.cookie("token", makeToken(), { sameSite: 'strict' });
  response.end();
});

function notAHandler(res) {
  // ok: session-cookie-without-httponly
  res.cookie('sid', 'x', {});
}

function makeToken() {
  return 'token';
}

module.exports = { app, notAHandler };
