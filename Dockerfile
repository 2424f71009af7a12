# syntax=docker/dockerfile:1
#
# Tapedeck as a team's dashboard: the standalone server, with the recordings mounted read-only.
#
#   docker build -t tapedeck .                                  # add --build-arg TAPEDECK_BASE_PATH=/tapedeck for a sub-path
#   docker run -p 3000:3000 -v "$PWD:/recordings:ro" -e TAPEDECK_AUTH=team:secret tapedeck
#
# The last stage is the documented standalone start (README, "Deploying"): `node server.js` in the
# standalone folder, configured by PORT, HOSTNAME and TAPEDECK_*. e2e/deploy.spec.ts reads this
# file, checks it against the README, and runs that start and this health check without Docker.

ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Without lifecycle scripts: `prepare` compiles the command line from sources this stage does not
# have (they come next, so that a change to them does not invalidate the installed dependencies),
# and the image runs the server, not the command line. No dependency needs an install script.
RUN npm ci --no-audit --no-fund --ignore-scripts

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The base path is compiled into the build (Next's basePath).
ARG TAPEDECK_BASE_PATH=""
ENV TAPEDECK_BASE_PATH=${TAPEDECK_BASE_PATH} NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# git for history, compare by revision and review (TAPEDECK_GIT=off turns them off). The mounted
# checkout belongs to another user, which git refuses unless it is marked safe.
RUN apt-get update \
  && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && git config --system --add safe.directory '*' \
  && useradd --system --create-home --uid 10001 tapedeck
ARG TAPEDECK_BASE_PATH=""
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  HOSTNAME=0.0.0.0 \
  TAPEDECK_ROOT=/recordings \
  TAPEDECK_BASE_PATH=${TAPEDECK_BASE_PATH} \
  TAPEDECK_CACHE_DIR=/home/tapedeck/.cache/tapedeck
WORKDIR /app
# Owned by root: the server cannot change its own code.
COPY --from=build /app/.next/standalone ./
USER tapedeck
VOLUME ["/recordings"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + (process.env.TAPEDECK_BASE_PATH || '') + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
