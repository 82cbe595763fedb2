#!/bin/sh
# Re-record hfp_hercules.txt: run the HFP comparison image (built by the ignored test
# `write_hfp_image` in src/cpu/tests_float.rs) on Hercules 3.13 and keep, per case,
# the mnemonic, FPR0, FPR2, the BALR word after the instruction (cc, program mask)
# and the program interruption code. Usage (from the repository root):
#   sh src/cpu/testdata/hfp_hercules.sh
# Only re-record on purpose: the file is the reference the tests compare against.
set -e
OUT=src/cpu/testdata/hfp_hercules.txt
IMG=$(mktemp /tmp/hfp.XXXXXX.bin)
HFP_IMAGE=$IMG cargo test --lib write_hfp_image -- --ignored --nocapture >"$IMG.msg" 2>&1
# "wrote FILE: results at HEX, N bytes"
START=$(sed -n 's/.*results at \([0-9A-F]*\), \([0-9]*\) bytes.*/\1/p' "$IMG.msg")
LEN=$(sed -n 's/.*results at \([0-9A-F]*\), \([0-9]*\) bytes.*/\2/p' "$IMG.msg")
NAMES=$(sed -n 's/.*names: \(.*\)$/\1/p' "$IMG.msg")
D=$(mktemp -d)
cat >"$D/h.cnf" <<CNF
ARCHMODE S/370
MAINSIZE 2
NUMCPU 1
CPUMODEL 3158
0009 3215-C /
CNF
mkfifo "$D/rc"
(cd "$D" && HERCULES_RC="$D/rc" hercules -d -f h.cnf </dev/null >"$D/log" 2>&1) &
HP=$!
exec 3>"$D/rc"
echo "loadcore $IMG 0" >&3
sleep 0.5
echo "restart" >&3
sleep 2
s=$((0x$START))
e=$((s + LEN))
while [ $s -lt $e ]; do
    n=$((e - s))
    [ $n -gt 15984 ] && n=15984
    printf 'r %X.%X\n' $s $n >&3
    s=$((s + n))
    sleep 0.5
done
sleep 1
echo "quit" >&3
exec 3>&-
wait $HP || true
grep -q "HHCCP011I CPU0000: Disabled wait state" "$D/log" || { echo "no final wait" >&2; exit 1; }
python3 - "$D/log" "$START" "$LEN" "$NAMES" >"$OUT" <<'PY'
import re, sys
log, start, length, names = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3]), sys.argv[4].split()
mem = {}
for line in open(log):
    m = re.match(r'R:([0-9A-F]{8}):K:[0-9A-F]{2}=([0-9A-F]{8}) ([0-9A-F]{8}) ([0-9A-F]{8}) ([0-9A-F]{8})', line)
    if m:
        mem[int(m.group(1), 16)] = bytes.fromhex(''.join(m.groups()[1:]))
data = b''.join(mem[a] for a in range(start, start + length, 16))[:length]
print('# HFP results recorded from Hercules 3.13 (sh src/cpu/testdata/hfp_hercules.sh):')
print('# mnemonic FPR0 FPR2 BALR-word interruption-code, one line per case')
for i, n in enumerate(names):
    r = data[24 * i:24 * i + 24]
    print(n, r[0:8].hex().upper(), r[8:16].hex().upper(), r[16:20].hex().upper(), r[20:24].hex().upper())
PY
rm -rf "$D" "$IMG" "$IMG.msg"
echo "wrote $OUT"
