# Cohear in server mode, for an organisation that hosts it behind its own TLS proxy
# (docs/hosting.md). Build: docker build -t cohear .
# Run:   docker run -d -p 127.0.0.1:8080:8080 -v cohear-data:/data cohear \
#          --trust-proxy 172.18.0.2 --public-url https://cohear.example.org

FROM node:20-bookworm-slim AS build
WORKDIR /src
# better-sqlite3 falls back to compiling when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The desktop app's Electron binary is not needed to serve browsers.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /src /app
# The data folder is the only place the server writes, owned by the unprivileged `node` user.
RUN mkdir /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8080
# /api/health answers under any host name, so the check works with --public-url set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) makes the server save, compact and close before it exits.
ENTRYPOINT ["node", "bin/cohear.mjs", "serve", "--data", "/data", "--host", "0.0.0.0", "--port", "8080"]
CMD []
