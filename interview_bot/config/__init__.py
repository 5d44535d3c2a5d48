"""Config: config.yaml, typed and strict.

The pydantic model of the file (`model`), loading it with every error reported at its
file:line (`load`, `yamlnodes`), the durations it is written in (`durations`, with
business days), the test cases of its `tests:` section (`cases`) and the JSON Schema for
editors (`schema`, shipped as `config.schema.json`).

May import: the shared ground, pydantic, PyYAML, holidays, platformdirs and the standard
library. Never the core stages or the shell.
"""
