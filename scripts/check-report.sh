#!/usr/bin/env bash
# Renders the Allure HTML report and the model card in headless Chromium (Debian's `chromium`) and checks that
# they display: the overview shows the test count, a check's page lists its attachments, the model card shows its
# sections. Takes PNG screenshots. Run after the main job (mvn -B -P examples verify), from the repository root:
#
#   scripts/check-report.sh [REPORT_HTML] [MODEL_CARD_HTML] [SCREENSHOT_DIR]
#
# Defaults: examples/target/allure-report/index.html, examples/target/assay/model-card.html,
# examples/target/screenshots. Exit status 0 = everything displayed, 1 = a check failed, 2 = missing tool or file.
set -euo pipefail

REPORT="${1:-examples/target/allure-report/index.html}"
CARD="${2:-examples/target/assay/model-card.html}"
SHOTS="${3:-examples/target/screenshots}"
BUDGET="${CHECK_REPORT_BUDGET_MS:-15000}"

fail() { echo "check-report: FAILED: $*" >&2; exit 1; }
die() { echo "check-report: $*" >&2; exit 2; }

CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$CHROMIUM" ] || die "chromium is not installed: on Debian/Ubuntu run 'apt-get install -y chromium' (or set CHROMIUM=/path/to/chromium)"
command -v python3 >/dev/null || die "python3 is needed to read the report's embedded data"
[ -f "$REPORT" ] || die "no Allure report at $REPORT: run 'mvn -B -P examples verify' first"
[ -f "$CARD" ] || die "no model card at $CARD: run 'mvn -B -P examples verify' first"
mkdir -p "$SHOTS"
REPORT_URL="file://$(cd "$(dirname "$REPORT")" && pwd)/$(basename "$REPORT")"
CARD_URL="file://$(cd "$(dirname "$CARD")" && pwd)/$(basename "$CARD")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# chromium <mode-args...> <url>: one headless run with its own throw-away profile, noise on stderr dropped
chromium_run() {
  local profile
  profile="$(mktemp -d "$WORK/profile.XXXXXX")"
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --virtual-time-budget="$BUDGET" \
    "$@" 2>"$WORK/chromium.err"
}
dom() { chromium_run --dump-dom "$1" >"$2" || { cat "$WORK/chromium.err" >&2; fail "chromium could not render $1"; }; }
shot() {
  chromium_run --window-size=1400,1000 --screenshot="$2" "$1" >/dev/null || true
  [ -s "$2" ] || { cat "$WORK/chromium.err" >&2; fail "no screenshot of $1"; }
  echo "check-report: screenshot $2"
}
# text of a DOM dump, tags removed and whitespace collapsed
text() { python3 -c 'import html,re,sys; t=open(sys.argv[1],encoding="utf-8").read(); t=re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>"," ",t); print(re.sub(r"\s+"," ",html.unescape(re.sub(r"<[^>]+>"," ",t))))' "$1"; }

# ---- what the report should show, read from the data embedded in the single file (Base64, d('path','...'))
python3 - "$REPORT" >"$WORK/expected" <<'PY'
import base64, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
files = {m.group(1): m.group(2) for m in re.finditer(r"d\('([^']+)','([^']*)'\)", page)}
if "widgets/summary.json" not in files:
    sys.exit("the report has no embedded widgets/summary.json: was it generated with --single-file / <singleFile>true?")
load = lambda p: json.loads(base64.b64decode(files[p]))
total = load("widgets/summary.json")["statistic"]["total"]
def leaves(node, parent):
    for child in node.get("children", []):
        if "children" in child:
            yield from leaves(child, child["uid"])
        else:
            yield parent, child
def attachments(step):
    out = [a["name"] for a in step.get("attachments", [])]
    for s in step.get("steps", []):
        out += attachments(s)
    return out
best = None
for parent, leaf in leaves(load("data/suites.json"), None):
    case = load("data/test-cases/%s.json" % leaf["uid"])
    names = attachments(case.get("testStage", {}))
    if names and (best is None or len(names) > len(best[3])):
        best = (parent, leaf["uid"], leaf["name"], names)
if best is None:
    sys.exit("no test case with attachments in the report")
print(total)
print("#suites/%s/%s/" % (best[0], best[1]))
print(best[2])
for n in best[3]:
    print(n)
PY
TOTAL="$(sed -n 1p "$WORK/expected")"
CASE_FRAGMENT="$(sed -n 2p "$WORK/expected")"
CASE_NAME="$(sed -n 3p "$WORK/expected")"
mapfile -t ATTACHMENTS < <(sed -n '4,$p' "$WORK/expected")

# ---- 1. overview: "<total> test cases"
dom "$REPORT_URL" "$WORK/overview.html"
text "$WORK/overview.html" >"$WORK/overview.txt"
grep -q "$TOTAL test cases" "$WORK/overview.txt" \
  || fail "the overview of $REPORT does not show '$TOTAL test cases' (it shows: $(head -c 300 "$WORK/overview.txt"))"
echo "check-report: overview shows $TOTAL test cases"
shot "$REPORT_URL" "$SHOTS/allure-overview.png"

# ---- 2. a check's page lists its attachments
dom "$REPORT_URL$CASE_FRAGMENT" "$WORK/case.html"
text "$WORK/case.html" >"$WORK/case.txt"
grep -qF "$CASE_NAME" "$WORK/case.txt" || fail "the page $CASE_FRAGMENT does not show the test '$CASE_NAME'"
for a in "${ATTACHMENTS[@]}"; do
  grep -qF "$a" "$WORK/case.txt" || fail "the page of '$CASE_NAME' ($CASE_FRAGMENT) does not list the attachment '$a'"
done
echo "check-report: '$CASE_NAME' lists its ${#ATTACHMENTS[@]} attachments"
shot "$REPORT_URL$CASE_FRAGMENT" "$SHOTS/allure-check.png"

# ---- 3. the model card's headings
dom "$CARD_URL" "$WORK/card.html"
for h in "<h1>Model card: " "<h2>Model details</h2>" "<h2>Intended use</h2>" "<h2>Metrics</h2>" \
         "<h2>Evaluation data</h2>" "<h2>Quantitative analyses</h2>" "<h2>Ethical considerations</h2>" \
         "<h2>Limitations</h2>"; do
  grep -qF "$h" "$WORK/card.html" || fail "the model card $CARD does not show the heading ${h}"
done
grep -qE 'class="gate (pass|fail)"' "$WORK/card.html" || fail "the model card $CARD does not show the release gate"
echo "check-report: model card shows its sections"
shot "$CARD_URL" "$SHOTS/model-card.png"

echo "check-report: OK (screenshots in $SHOTS)"
