# 50,000 bytes of deterministic binary garbage (garbage.bin, SHA-256 in
# counter mode; see tests/fixtures/windows/README.md).  Expected: not
# recognized as any format, exit 1, nothing stored, and a message that says
# so and names the formats tried -- all of them, as `portsift formats` lists
# them.  (Decoder notes about NUL bytes may come before it; not checked.)
cp "$FIX/windows/garbage.bin" .
"$PORTSIFT" ingest --db "$CASE" garbage.bin 2>stderr
echo "exit $?"
grep 'not a recognized' stderr | sed 's/(tried:[^)]*)/(tried: LIST)/'
grep -o '(tried:[^)]*)' stderr | tr -d '()' | tr ' ' '\n' | sed 1d | sort >tried
"$PORTSIFT" formats | awk '/^[^ ]/ { print $1 }' | sort >formats
echo "-- LIST is every format of \`portsift formats\`, and names windows-netstat:"
cmp -s tried formats && echo same
grep -x windows-netstat tried
sqlite3 "$CASE" "SELECT count(*) FROM capture"
