#!/bin/sh
# Apply pending migrations (refusing to start on bad configuration), then run the Next server.
set -e
node dist/db.mjs deploy
exec node server.js
