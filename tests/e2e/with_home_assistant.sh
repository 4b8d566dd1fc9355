#!/usr/bin/env bash
# with_fake.sh for Home Assistant (kept for the tests that name it; see with_fake.sh).
# Usage: with_home_assistant.sh /path/to/hw_fake_ha /path/to/homewarden COMMAND [ARGS...]
set -euo pipefail
exec "${BASH:-bash}" "$(dirname "$0")/with_fake.sh" ha "$@"
