# Every example block in README.md is what the binary under test prints for
# the command written above it (scripts/readme-examples.sh --check): the
# README shows no output the program did not print.  The check runs in a copy
# of the tree's README, scripts and samples, with ./portsift being the binary
# under test, so that the ASan build is held to the same text.
repo=$(cd "$FIX/../.." && pwd)
mkdir -p tree/scripts
cp "$repo/README.md" tree/
cp "$repo/scripts/readme-examples.sh" tree/scripts/
ln -s "$repo/samples" tree/samples
ln -s "$PORTSIFT" tree/portsift
sh tree/scripts/readme-examples.sh --check
echo "exit $?"
