# The API and the Temporal worker (same image, different command).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ONNXRUNTIME_NODE_INSTALL=skip
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm i --no-save tsx@4
COPY api ./api
COPY activities ./activities
COPY integrations ./integrations
COPY workflows ./workflows
COPY worker ./worker
COPY contracts ./contracts
COPY config ./config
COPY db ./db
EXPOSE 8000
CMD ["node", "--import", "tsx", "api/server.ts"]
