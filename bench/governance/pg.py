"""Recreates the bench database (argv[2]) through psql on the cluster named by the Npgsql connection string argv[1]."""
import os
import subprocess
import sys

parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
name = sys.argv[2]
base = ["psql", "-q", "-h", parts.get("Host", "127.0.0.1"), "-p", parts.get("Port", "5432"), "-U", parts.get("Username", "postgres"), "-d", "postgres"]
for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
    subprocess.run(base + ["-c", sql], check=True, env={**os.environ, "PGPASSWORD": parts.get("Password", "")})
