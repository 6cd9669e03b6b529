"""Exit 0 when the PostgreSQL server of a DATABASE_URL answers, 1 when it does not.

With CI=true an unreachable local server is started first (the machine's own cluster), since
the PostgreSQL run is mandatory there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import dj_database_url
import psycopg


def reachable(url: str) -> bool:
    config = dj_database_url.parse(url)
    try:
        with psycopg.connect(
            host=config["HOST"] or "127.0.0.1",
            port=config["PORT"] or 5432,
            user=config["USER"] or "postgres",
            password=config["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ):
            return True
    except psycopg.Error:
        return False


def start_local_cluster() -> None:
    try:
        versions = os.listdir("/etc/postgresql")
    except FileNotFoundError:
        return
    for version in versions:
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=False
        )


def main() -> int:
    url = sys.argv[1]
    if reachable(url):
        return 0
    if os.environ.get("CI") == "true":
        start_local_cluster()
        for _ in range(20):
            if reachable(url):
                return 0
            time.sleep(0.5)
    return 1


if __name__ == "__main__":
    sys.exit(main())
