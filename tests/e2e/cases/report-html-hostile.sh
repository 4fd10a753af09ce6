# A hostile `netstat -anob` capture (tests/fixtures/hostile/html-anob-crlf.txt,
# CRLF, see html-README.md there) rendered as HTML: every name the input
# gives is text on the page, never markup.  Expected, read off the fixture:
#   - the images ` [<script>alert(1)</script>.exe]`, ` ["onmouseover=alert(2)
#     x=".exe]`, ` [x' onload='alert(3).exe]`, ` [a&amp;b<i>.exe]` and
#     ` [http://127.0.0.1:1/x.exe]` are there with & < > " ' as entities
#     (&amp; &lt; &gt; &quot; &#39;), and the colon of :// as &#58;;
#   - the two lines that are not netstat (283, 284) are issues whose
#     excerpts are escaped too, and the ESC bytes of line 284 are not in
#     the page (U+FFFD instead);
#   - none of them in raw form: one <script> (ours), no "onmouseover, no
#     x' onload, no <img, no b<i>, no ://;
#   - ingest exits 1 (three issues: the unknown state "<SYN>" on line 281,
#     lines 283 and 284), the report 0.
cp "$FIX/hostile/html-anob-crlf.txt" .
"$PORTSIFT" ingest -q --db "$CASE" html-anob-crlf.txt 2>/dev/null
echo "exit $?"
"$PORTSIFT" report --db "$CASE" --format html --diff first,last -o report.html
echo "exit $?"
echo "-- escaped:"
for s in '&lt;script&gt;alert(1)&lt;/script&gt;.exe' \
    '&quot;onmouseover=alert(2) x=&quot;.exe' \
    'x&#39; onload=&#39;alert(3).exe' \
    'a&amp;amp;b&lt;i&gt;.exe' \
    'http&#58;//127.0.0.1:1/x.exe' \
    '&lt;img src=x onerror=alert(4)&gt; &amp; &quot;quoted&quot; &#39;single&#39;' \
    '&lt;b&gt;red&lt;/b&gt;' \
    'unknown state &quot;&lt;SYN&gt;&quot;'; do
	if grep -q -F "$s" report.html; then echo "yes $s"; else echo "NO  $s"; fi
done
echo "-- raw:"
echo "<script $(grep -o '<script' report.html | wc -l)"
for s in '<script>alert' '"onmouseover' "x' onload" '<img' 'b<i>' '://' \
    "$(printf '\033')"; do
	echo "$(grep -c -F "$s" report.html) $s" | sed "s/$(printf '\033')/ESC/"
done
