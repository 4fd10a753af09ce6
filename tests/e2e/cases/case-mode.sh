# A new case file holds customer data: created mode 0600, whatever the umask.
# An existing case file's mode is left alone.
cp "$FIX/windows/ano-en.txt" "$FIX/windows/ano-it.txt" .
umask 022
"$PORTSIFT" ingest -q --db "$CASE" ano-en.txt
echo "exit $?"
stat -c %a "$CASE"
umask 000
"$PORTSIFT" ingest -q --db open.db ano-en.txt
echo "exit $?"
stat -c %a open.db
"$PORTSIFT" analyze -q --db kept.db ano-en.txt >/dev/null
echo "exit $?"
stat -c %a kept.db
chmod 640 "$CASE"
"$PORTSIFT" ingest -q --db "$CASE" ano-it.txt
echo "exit $?"
stat -c %a "$CASE"
