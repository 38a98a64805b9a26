# Ray head and workers with the platform's job package (ml/) installed from its lock.
FROM rayproject/ray:2.60.0-py311
USER root
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /opt/dataml
COPY ml/pyproject.toml ml/uv.lock ./
COPY ml/dataml_jobs ./dataml_jobs
RUN uv export --frozen --no-dev --no-group services --no-hashes -o requirements.txt \
 && uv pip install --system --no-cache -r requirements.txt \
 && uv pip install --system --no-cache --no-deps .
USER ray
