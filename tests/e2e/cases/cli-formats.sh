# `portsift formats` lists every input format with the commands that make
# it.  Only the Windows netstat entry is checked (other formats come and go).
"$PORTSIFT" formats >out
echo "exit $?"
grep '^windows-netstat' out
sed -n '/^windows-netstat/,/^[^ ]/p' out | grep -c 'netstat -ano'
