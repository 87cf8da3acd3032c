#!/usr/bin/python3
"""Validates SARIF logs against the official SARIF 2.1.0 JSON schema.

Usage: validate_sarif.py SCHEMA LOG…  Prints one line per log ("ok PATH" or the first
errors) and exits 1 if any log is invalid. Uses Debian's python3-jsonschema.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema)
bad = 0
for path in sys.argv[2:]:
    log = json.load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        bad += 1
        for e in errors[:5]:
            print(f"invalid {path}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
    else:
        print(f"ok {path}")
sys.exit(1 if bad else 0)
