# syntax=docker/dockerfile:1
# One image per service of the monorepo:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=learning -t socialmakers/learning .
# SERVICE is one of: learning, events, community, analytics, gateway (which also serves the console).
# The build needs package-lock.json (npm ci) and writes dist/services/<name>/src/main.js.

ARG NODE_IMAGE=node:24-bookworm-slim

############################ build ############################
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# Dependencies first, so that source edits keep this layer cached.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

############################ runtime ############################
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build arg SERVICE is required (learning|events|community|analytics|gateway)" >&2; exit 1)

ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /app

COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN test -f "dist/services/${SERVICE}/src/main.js" \
 || (echo "dist/services/${SERVICE}/src/main.js not built" >&2; exit 1)

USER node
# exec: node replaces the shell and receives SIGTERM directly.
CMD ["/bin/sh", "-c", "exec node dist/services/${SERVICE}/src/main.js"]
