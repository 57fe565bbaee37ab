package appserver

import "testing"

func TestNode(t *testing.T) {
	express := `const express = require("express");
const app = express();
app.all("/*", (req, res) => res.send("hi"));
app.listen(9000, () => {
  console.log("Express started on port 9000");
});
`
	runCases(t, []appCase{
		{name: "express template keeps the 5 s keep-alive", files: mapFiles{"index.js": express}, cmd: "node ./index.js", node: 20,
			want: []string{"FC502 index.js:4 Node's default keepAliveTimeout (5 s in Node 20)"}},
		{name: "FC sample: both timeouts off", cmd: "node index.js", files: mapFiles{"index.js": `const http = require('http')
const server = http.createServer((req, res) => res.end('ok'))
server.timeout = 0
server.keepAliveTimeout = 0
server.listen(process.env.FC_CUSTOM_LISTEN_PORT || 9000, '0.0.0.0')
`}, node: 10},
		{name: "commented-out and quoted settings do not count", cmd: "node index.js", files: mapFiles{"index.js": `const http = require('http')
const server = http.createServer(handler)
// server.keepAliveTimeout = 0
/* server.keepAliveTimeout = 0 */
const doc = "server.keepAliveTimeout = 0"
const tpl = ` + "`server.keepAliveTimeout = 0 ${doc}`" + `
const re = /server.keepAliveTimeout = 0/
server.listen(9000)
`}, node: 18, want: []string{"FC502 index.js:8 keepAliveTimeout"}},
		{name: "node 10 also has the 120 s server.timeout", cmd: "node index.js", files: mapFiles{"index.js": `const http = require('http')
const server = http.createServer(handler).listen(9000)
server.keepAliveTimeout = 0
`}, node: 10, want: []string{"FC502 index.js:2 server.timeout of 120 s"}},
		{name: "short keepAliveTimeout", cmd: "node index.js", files: mapFiles{"index.js": `const app = require('koa')()
const server = app.listen(9000)
server.keepAliveTimeout = 60 * 1000
`}, node: 20, want: []string{"FC502 index.js:3 keepAliveTimeout = 60 * 1000"}},
		{name: "a day is long enough", cmd: "node index.js", files: mapFiles{"index.js": `const DAY = 24 * 60 * 60 * 1000
const server = require('http').createServer(h)
server.keepAliveTimeout = DAY
server.listen(9000)
`}},
		{name: "loopback host and env fallback port", cmd: "node server.js", files: mapFiles{"server.js": `const express = require('express')
const app = express()
const PORT = process.env.PORT || 3000
const HOST = "127.0.0.1"
const s = app.listen(PORT, HOST)
s.keepAliveTimeout = 0
`}, want: []string{"FC501 server.js:5 listens on 127.0.0.1 (host HOST)"}},
		{name: "env fallback port", cmd: "node server.js", files: mapFiles{"server.js": `const app = require('express')()
const s = app.listen(process.env.PORT || 3000)
s.keepAliveTimeout = 0
`}, want: []string{"FC501 server.js:2 port 3000"}},
		{name: "PORT set in the function's environment", cmd: "node server.js", vars: map[string]string{"PORT": "9000"}, files: mapFiles{"server.js": `const app = require('express')()
const s = app.listen(process.env.PORT || 3000)
s.keepAliveTimeout = 0
`}},
		{name: "listen options object", cmd: "node server.js", files: mapFiles{"server.js": `const http = require('node:http')
const server = http.createServer(h)
server.keepAliveTimeout = 0
server.listen({ port: 8080, host: 'localhost' })
`}, want: []string{"FC501 server.js:4 listens on localhost"}},
		{name: "a unix socket is not a TCP server", cmd: "node server.js", files: mapFiles{"server.js": `require('http').createServer(h).listen('/tmp/app.sock')
`}},
		{name: "fastify template: 72 s keep-alive", cmd: "node ./index.js", files: mapFiles{"index.js": `const fastify = require("fastify")();
fastify.all("/*", {}, async function (request, reply) { reply.send({}) });
fastify.listen({ port: 9000, host: "0.0.0.0" }, (err) => {
  if (err) throw err;
});
`}, want: []string{"FC502 index.js:3 fastify keeps its default keepAliveTimeout of 72 s"}},
		{name: "fastify default host is localhost", cmd: "node app.mjs", files: mapFiles{"app.mjs": `import Fastify from 'fastify'
const app = Fastify({ keepAliveTimeout: 0, connectionTimeout: 0 })
await app.listen({ port: Number(process.env.FC_CUSTOM_LISTEN_PORT) || 9000 })
`}, want: []string{"FC501 app.mjs:3 listens on localhost (fastify's default host)"}},
		{name: "fastify connectionTimeout", cmd: "node app.js", files: mapFiles{"app.js": `const app = require('fastify')({ keepAliveTimeout: 0, connectionTimeout: 30000 })
app.listen({ port: 9000, host: '0.0.0.0' })
`}, want: []string{"FC502 app.js:1 connectionTimeout = 30000"}},
		{name: "required files are followed", cmd: "node bin/www", files: mapFiles{
			"bin/www": `#!/usr/bin/env node
var app = require('../app');
var http = require('http');
var port = normalizePort(process.env.PORT || '3000');
var server = http.createServer(app);
server.listen(port);
`,
			"app.js": `var express = require('express'); module.exports = express();`,
		}, want: []string{"FC501 bin/www:6 port 3000", "FC502 bin/www:6 keepAliveTimeout"}},
		{name: "settings in a required module count", cmd: "node main.js", files: mapFiles{
			"main.js":        `const { tune } = require('./lib/tune')\nconst server = require('http').createServer(h).listen(9000)\ntune(server)\n`,
			"lib/tune.js":    `exports.tune = (s) => { s.keepAliveTimeout = 0 }`,
			"node_modules/x": `never read`,
		}},
		{name: "npm start follows package.json", cmd: "npm start", files: mapFiles{
			"package.json": `{"scripts": {"start": "NODE_ENV=production node dist/main.js"}}`,
			"dist/main.js": `const { NestFactory } = require('@nestjs/core');
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
`,
		}, node: 20, want: []string{"FC501 dist/main.js:4 port 3000", "FC502 dist/main.js:4 keepAliveTimeout"}},
		{name: "hapi server options", cmd: "node server.js", files: mapFiles{"server.js": `'use strict';
const Hapi = require('@hapi/hapi');
const init = async () => {
    const server = Hapi.server({ port: 3000, host: 'localhost' });
    server.listener.keepAliveTimeout = 0;
    await server.start();
};
init();
`}, want: []string{"FC501 server.js:4 listens on localhost (host \"localhost\")"}},
		{name: "hapi address wins over host", cmd: "node server.js", files: mapFiles{"server.js": `const Hapi = require('@hapi/hapi');
const server = Hapi.server({ port: process.env.FC_SERVER_PORT, host: 'localhost', address: '0.0.0.0' });
server.listener.keepAliveTimeout = 0;
server.start();
`}},
		{name: "next start defaults", cmd: "npx next start", want: []string{"FC501 :0 next start's default port 3000", "FC502 :0 next start keeps"}},
		{name: "next start tuned", cmd: "next start -H 0.0.0.0 -p $FC_CUSTOM_LISTEN_PORT --keepAliveTimeout 86400000"},
	})
}
