# `diff` by label: before.txt and after.txt of tests/fixtures/diff (see its
# README for the sockets and the right answer, worked out by hand):
#
#   ports held 9 -> 15 (+6); 15 / 16,384 = 0.09%, printed 0.1%
#   (PID 0)     0  2 -> 7  +5  TIME_WAIT +5
#   new.exe   400  0 -> 3  +3  came; SYN_SENT +3 (IPv6)
#   svc.exe   301  0 -> 2  +2  came, and svc.exe 300 went: restarted?
#   old.exe   200  2 -> 0  -2  went
#   keep.exe  600  1 -> 0  -1  not "went": it still listens on :8080
#   svc.exe   300  1 -> 0  -1  went: restarted?
#   app.exe   100  3 -> 3   0  CLOSE_WAIT +1, ESTABLISHED -1
#   endpoints: [2001:db8::1]:8443 (3) appeared; 10.0.0.9:80 (2) and
#   10.0.0.8:22 (1) vanished.  Stamps 08:00:00.00 and 09:30:15.00: 1 h 30
#   min 15 s apart, printed to the minute.
# Then: numbers name the same snapshots; -o writes the same text to a file;
# -o onto a directory is refused (exit 3) and leaves nothing behind; --top.
cp "$FIX/diff/before.txt" "$FIX/diff/after.txt" .
"$PORTSIFT" ingest -q --db "$CASE" --label before before.txt
"$PORTSIFT" ingest -q --db "$CASE" --label after after.txt
"$PORTSIFT" diff --db "$CASE" before after >out
echo "exit $?"
sed 's/^portsift diff for .*/portsift diff for (the case)/' out
echo "-- by number:"
"$PORTSIFT" diff --db "$CASE" 1 2 | cmp - out && echo same
echo "-- -o:"
"$PORTSIFT" diff --db "$CASE" -o diff.txt before after
echo "exit $?"
cmp diff.txt out && echo same
echo "-- -o onto a directory:"
mkdir dir.txt
"$PORTSIFT" diff --db "$CASE" -o dir.txt before after
echo "exit $?"
ls
echo "-- --top 2:"
"$PORTSIFT" diff --db "$CASE" --top 2 before after | sed -n '/^  PROCESS/,/^$/p'
echo "-- --top 0 shows all 7:"
"$PORTSIFT" diff --db "$CASE" --top 0 before after | cmp - out && echo same
