#!/usr/bin/env bash
# The language audit's list of offenders (issue 20): runs the end-to-end suites one after the
# other with GUAZHI_LANG_AUDIT=1 (tests/cli/lib.sh) and writes every line that breaks the audit's
# rules to OUT, grouped by the source file that holds the message (found by its fixed words), with
# the suite and the command that printed it.
#   tests/cli/lang_audit_report.sh GUAZHI_BINARY SOURCE_ROOT OUT [SUITE...]
# Without SUITE, the suites of GUAZHI_CLI_SUITES in tests/CMakeLists.txt. One suite at a time:
# the machine is shared.
set -u
guazhi=$1
root=$2
out=$3
shift 3
suites=("$@")
if [ "${#suites[@]}" -eq 0 ]; then
    read -r -a suites < <(sed -n '/^set(GUAZHI_CLI_SUITES/,/)/p' "$root/tests/CMakeLists.txt" |
        tr -d '()' | tr '\n' ' ' | sed 's/^setGUAZHI_CLI_SUITES//')
fi
log=$(mktemp)
times=$(mktemp)
trap 'rm -f "$log" "$times"' EXIT
for suite in "${suites[@]}"; do
    [ "$suite" = layers ] && continue # runs no command
    start=$(date +%s.%N)
    GUAZHI_LANG_AUDIT=1 GUAZHI_LANG_AUDIT_LOG=$log bash "$root/tests/cli/$suite.sh" "$guazhi" "$root" >/dev/null 2>&1
    status=$?
    printf '%s\t%s\t%s\n' "$suite" "$status" "$(echo "$(date +%s.%N) - $start" | bc)" >>"$times"
done
perl - "$root" "$log" "$times" >"$out" <<'PERL'
use strict;
use warnings;
use utf8;
binmode STDOUT, ':utf8';
my ($root, $log, $times) = @ARGV;

# The sources, in memory, to find each message's origin by its fixed words.
my %source;
for my $f (split /\n/, `cd '$root' && find lib cli -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort`) {
    open(my $fh, '<:utf8', "$root/$f") or next;
    local $/;
    $source{$f} = <$fh>;
}
my $cjk = qr/[\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]/;

# The pieces of a line that the code writes as they are: what is left between values (quoted,
# numbers, paths, flags, ids, places), longest first.
sub pieces {
    my ($line, $mode) = @_;
    my @cjk_runs = $mode eq 'en' ? ($line =~ /($cjk+)/g) : ();
    my $t = $line;
    $t =~ s/^(?:[^\s:]+:(?:\d+:)*\s*)+//;                         # the places: guazhi: FILE:LINE:
    $t =~ s/'[^']*'|"[^"]*"|“[^”]*”/\x{1}/g;
    $t =~ s/\S*[\/\\]\S*|\S+\.[A-Za-z]{2,5}\b|--?[A-Za-z][\w-]*|#\d+|\d[\d.:\-*Xx]*|$cjk+/\x{1}/g;
    my @p = grep { /[A-Za-z]{2}/ } map { s/^\s+|\s+$//gr } split /\x{1}/, $t;
    return ((sort { length($b) <=> length($a) } @p), @cjk_runs);
}

sub origin {
    my ($line, $mode) = @_;
    for my $piece (pieces($line, $mode)) {
        my @files = grep { index($source{$_}, $piece) >= 0 } sort keys %source;
        return join(', ', @files) if @files;
    }
    return '(not found in lib/ or cli/: CLI11\'s own words, or built at run time)';
}

my (%by_origin, %count_of_suite, %skipped, $lines);
open(my $in, '<:utf8', $log) or die;
while (<$in>) {
    chomp;
    my ($suite, $mode, $rc, $command, $line) = split /\t/, $_, 5;
    next unless defined $line;
    if ($mode eq 'skip') { $skipped{"[$suite] `guazhi $command`: $line"}++; next; }
    $lines++;
    $count_of_suite{$suite}++;
    my $o = origin($line, $mode);
    # One entry per message: its values (numbers, quoted values, paths) do not count.
    (my $shape = $line) =~ s/'[^']*'|"[^"]*"|“[^”]*”/'…'/g;
    $shape =~ s/\S*[\/\\]\S*|\S+\.[A-Za-z]{2,5}(?::\d+)*\b/FILE/g;
    $shape =~ s/\d[\d.:\-*Xx]*/N/g;
    my $entry = $by_origin{$o}{"$mode\t$shape"} //= {example => $line, where => []};
    push @{$entry->{where}}, "[$suite] exit $rc `guazhi $command`";
}
my %time;
open(my $t, '<', $times) or die;
my $total_time = 0;
while (<$t>) { chomp; my ($s, $status, $secs) = split /\t/; $time{$s} = [$status, $secs]; $total_time += $secs; }

my $messages = 0;
$messages += keys %{$by_origin{$_}} for keys %by_origin;
printf "# The language audit's offenders (tests/cli/lang_audit_report.sh, GUAZHI_LANG_AUDIT=1)\n";
printf "# %d offending lines, %d messages, from %d source files; %d suites run in %.0f s\n",
    $lines // 0, $messages, scalar(keys %by_origin), scalar(keys %time), $total_time;
print "# zh: the clerk's run (no GUAZHI_LANG) printed a line that is not Chinese\n";
print "# en: the English run printed Chinese outside data values\n\n";
print "## Offending lines by suite\n";
printf "  %-16s %5d\n", $_, $count_of_suite{$_} for sort { $count_of_suite{$b} <=> $count_of_suite{$a} } keys %count_of_suite;
print "\n";
for my $o (sort { keys %{$by_origin{$b}} <=> keys %{$by_origin{$a}} || $a cmp $b } keys %by_origin) {
    my $m = $by_origin{$o};
    printf "## %s (%d messages)\n", $o, scalar(keys %$m);
    for my $k (sort keys %$m) {
        my ($mode) = split /\t/, $k, 2;
        my $line = $m->{$k}{example};
        my @where = @{$m->{$k}{where}};
        print "  $mode: $line\n";
        print "      $_\n" for @where[0 .. ($#where < 2 ? $#where : 2)];
        print "      … and ", @where - 3, " more\n" if @where > 3;
    }
    print "\n";
}
if (%skipped) {
    print "## Skipped (LANG_AUDIT_SKIP)\n";
    print "  $_\n" for sort keys %skipped;
    print "\n";
}
print "## Suites (exit status with the audit, seconds)\n";
printf "  %-16s %3d %6.1f\n", $_, @{$time{$_}} for sort keys %time;
PERL
echo "$(grep -m1 '^# [0-9]' "$out")"
