#!/usr/bin/env node
'use strict';
const { main } = require('../dist/cli.js');
main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`codeboom: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
