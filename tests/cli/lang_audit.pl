#!/usr/bin/perl
# The language audit of one command's standard error (issue 20's acceptance; tests/cli/lib.sh
# runs it when GUAZHI_LANG_AUDIT is set).
#   lang_audit.pl ROOT STDIN_FILE [zh FILE] [en FILE] -- ARGS...
# checks FILE, the standard error of `guazhi ARGS` (STDIN_FILE on its standard input, or ""),
# in Chinese (zh: every line is Chinese) and in English (en: no Chinese outside data values).
# Prints each line that breaks its rule as "zh<TAB>line" or "en<TAB>line" and exits 1 if there
# is one.
#
# A CJK character is a Han ideograph, CJK punctuation (U+3000–U+303F) or a full-width form
# (U+FF00–U+FFEF).
#
# zh: each line is read after removing
#   - commands in backquotes (`guazhi init`), values in quotes ('…', "…", “…”, ‘…’), and the
#     C library's and SQLite's own words (@library_words: "No such file or directory" …);
#   - paths: a word holding '/', a NAME.EXT word (with :LINE:COLUMN after it, or not), or a word
#     naming a file or directory that exists;
#   - flags: a word that starts with '-' followed by a letter (-o, --reveal-id, --format=csv);
#   - numbers: a word without letters, and masked ID numbers and ids (3405**********001X, #12);
#   - codes: the words guazhi stores and accepts as codes — the lower-case identifiers quoted in
#     lib/domain/vocabulary.cpp, dimension.cpp, roster.cpp and the imports' column keys (up,
#     selected_graduate, id_number …) — and the program's name, guazhi;
#   - the words of the command's own arguments (a subcommand, a value given);
# and it fails — unless the English words are data, found in the files as for en below —
#   - when it holds no CJK character and any word with a letter is left ("only a path, a code or
#     a number" passes: "guazhi: db: 2006-13-01"; "guazhi: db: no database here" does not);
#   - when, though it holds CJK characters, two English words follow each other in what is left
#     (an English sentence around a Chinese column name or value: "id.csv:3: 身份证号: ID number
#     has a wrong check digit"). An English word is a letter and lower-case letters (acronyms
#     such as ID, CSV, JSON, BOM and words with digits are not); CJK characters, removed parts
#     and a word ending in . ; : ! ? end a phrase.
#
# en: every maximal run of CJK characters in a line must be a data value: it occurs in the
# command's arguments, in a file or directory they name (a database, a roster in UTF-8 or
# GB18030, a workbook's strings, a file of a directory), in the standard-input file, in ./guazhi.db
# or $GUAZHI_DB, or in the vocabulary guazhi reads files with — the labels, aliases and column
# headers and the spellings its parsers accept (天, 个月, 上半年 …): the string literals without
# ASCII letters in lib/domain/vocabulary.cpp, dimension.cpp, roster.cpp, roster_layout.cpp,
# roster_cells.cpp, filter.cpp, schedule.cpp, lib/store/*_import.cpp, lib/util/date.cpp and
# text.cpp (numerals), and the words of lib/sample_config.toml — a run may be several of them one
# after the other (两个月 is 两 and 个月). What an English sentence puts in ASCII parentheses is a
# gloss or an example and is not read ("the host unit's consent (接收单位同意)", "(Q2, 2006Q4,
# 第二季度 or 2006年第四季度)"), as tests/cli/help.sh lets a help text gloss a domain word; a
# Chinese sentence has full-width ones. Runs and data are compared with full-width forms folded and
# spaces removed (guazhi cleans a value so before it shows it). The files are read only when a run
# is not found in the arguments or the vocabulary.
use strict;
use warnings;
use utf8;

binmode STDOUT, ':utf8';

my ($root, $stdin_file, @rest) = @ARGV;
my %file_of;
while (@rest && $rest[0] ne '--') {
    my ($mode, $file) = splice(@rest, 0, 2);
    die "usage: lang_audit.pl ROOT STDIN [zh FILE] [en FILE] -- ARGS...\n" unless defined $file && $mode =~ /^(zh|en)$/;
    $file_of{$mode} = $file;
}
die "usage: lang_audit.pl ROOT STDIN [zh FILE] [en FILE] -- ARGS...\n" unless @rest;
shift @rest;
my @args = @rest;

my $cjk = qr/[\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{2FA1F}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]/;

sub slurp_bytes {
    my ($path, $limit) = @_;
    open(my $fh, '<:raw', $path) or return '';
    local $/;
    my $bytes = <$fh>;
    close $fh;
    $bytes = '' unless defined $bytes;
    $bytes = substr($bytes, 0, $limit) if defined $limit && length($bytes) > $limit;
    return $bytes;
}

# Bytes as UTF-8 text; a byte that is not UTF-8 becomes U+FFFD. (Encode is loaded only for the
# files that need it: it costs more than the rest of a check.)
sub utf8_text {
    my $b = shift;
    my $copy = $b;
    return $copy if utf8::decode($copy);
    require Encode;
    return Encode::decode('UTF-8', $b, Encode::FB_DEFAULT());
}

sub lines_of { my $file = shift; return split /\n/, utf8_text(slurp_bytes($file)); }

# ---- zh ------------------------------------------------------------------------------------
sub source_literals {
    my @files = @_;
    my @out;
    for my $f (@files) {
        my $text = utf8_text(slurp_bytes($f));
        push @out, $1 while $text =~ /"((?:[^"\\\n]|\\.)*)"/g;
    }
    return @out;
}

sub codes {
    my %codes = (guazhi => 1);
    my @files = map { "$root/lib/domain/$_" } qw(vocabulary.cpp dimension.cpp roster.cpp);
    push @files, glob("$root/lib/store/*_import.cpp");
    for (source_literals(@files)) { $codes{$_} = 1 if /^[a-z][a-z0-9_]*$/; }
    return \%codes;
}

sub is_path_word {
    my $w = shift;
    return 1 if $w =~ m{/};
    return 1 if $w =~ /^[\w.+-]*\w\.[A-Za-z0-9]{1,6}(?::\d+)*$/;
    return 1 if length($w) && -e $w;
    return 0;
}

# What the C library and SQLite say in their own words (strerror, sqlite3_errstr), which a Chinese
# sentence may quote.
my @library_words = (
    'No such file or directory', 'Permission denied', 'Is a directory', 'Not a directory',
    'No space left on device', 'Read-only file system', 'File exists', 'Input/output error',
    'Operation not permitted', 'Invalid argument', 'File name too long', 'Disk quota exceeded',
    'Too many open files', 'Directory not empty', 'database is locked', 'disk I/O error',
    'file is not a database', 'database disk image is malformed', 'unable to open database file',
    'attempt to write a readonly database', 'database or disk is full',
);

sub zh_offenders {
    my @lines = @_;
    my ($codes, %argv_words, $data);
    $argv_words{$_} = 1 for map { /([A-Za-z][\w-]*)/g } @args;
    my @bad;
    for my $line (@lines) {
        next if $line =~ /^\s*$/;
        my $has_cjk = $line =~ $cjk;
        my $rest = $line;
        $rest =~ s/`[^`]*`/ | /g;                                    # commands
        $rest =~ s/'[^'\s][^']*'|"[^"]*"|“[^”]*”|‘[^’]*’/ | /g;      # quoted values
        $rest =~ s/\Q$_\E/ | /g for @library_words;
        $rest =~ s/$cjk+/ | /g;                                      # Chinese ends a phrase
        my (@left, @phrases, $after_word);
        for my $word (split /\s+/, $rest) {
            next if $word eq '';
            (my $bare = $word) =~ s/^[\[\](){}<>'"“”‘’,;:.!?=|…]+|[\[\](){}<>'"“”‘’,;:.!?=|…]+$//g;
            $codes //= codes() if $bare =~ /^[a-z]/;
            if ($bare !~ /[A-Za-z]/                                   # numbers, symbols, punctuation
                || $bare =~ /^-{1,2}[A-Za-z][\w-]*(?:=.*)?$/          # a flag
                || $bare =~ /^#?[\d*]+[\dXx*]*$/                      # a (masked) ID number, an id
                || is_path_word($bare) || is_path_word($word)
                || ($codes && $codes->{$bare}) || $argv_words{$bare}) {
                $after_word = 0;
                next;
            }
            push @left, $bare;
            my $is_word = $bare =~ /^[A-Za-z][a-z]+$/;
            push @phrases, "$after_word $bare" if $is_word && $after_word;
            $after_word = $is_word && $word !~ /[.;:!?]$/ ? $bare : '';
        }
        my @english = $has_cjk ? @phrases : @left;
        next unless @english;
        # English a file holds (a unit named in English, a value) is data, not a sentence.
        $data //= data_text();
        push @bad, $line if grep { index($data, $_) < 0 } @english;
    }
    return @bad;
}

# ---- en ------------------------------------------------------------------------------------
# Full-width forms folded to ASCII, spaces (ideographic too) removed.
sub fold {
    my $t = shift;
    $t =~ tr/\x{FF01}-\x{FF5E}/\x{21}-\x{7E}/;
    $t =~ s/[\s\x{3000}]+//g;
    return $t;
}

sub vocabulary {
    my @files = map { "$root/lib/domain/$_" }
        qw(vocabulary.cpp dimension.cpp roster.cpp roster_layout.cpp roster_cells.cpp filter.cpp schedule.cpp);
    push @files, glob("$root/lib/store/*_import.cpp"), "$root/lib/util/date.cpp", "$root/lib/util/text.cpp";
    my @words = grep { $_ =~ $cjk && $_ !~ /[A-Za-z{]/ } source_literals(@files);
    my $sample = utf8_text(slurp_bytes("$root/lib/sample_config.toml"));
    push @words, $1 while $sample =~ /($cjk+)/g;
    my %entries = map { fold($_) => 1 } @words;
    return (fold(join("\n", @words)), \%entries);
}

# Whether a run is vocabulary words one after the other (两 and 个月 in "两个月").
sub words_of {
    my ($piece, $entries) = @_;
    my @can = (1);                                                  # $can[i]: the first i characters are
    for my $end (1 .. length $piece) {
        $can[$end] = 0;
        for my $start (0 .. $end - 1) {
            if ($can[$start] && $entries->{substr($piece, $start, $end - $start)}) { $can[$end] = 1; last; }
        }
    }
    return $can[length $piece];
}

# A file's text as guazhi would read it: a workbook's strings, a database's bytes, a text in
# UTF-8 or else GB18030.
sub file_text {
    my $path = shift;
    my $bytes = slurp_bytes($path, 64 << 20);
    if ($bytes =~ /^PK\x03\x04/) {                                  # .xlsx: the XML inside
        my $xml = '';
        if (open(my $z, '-|', 'unzip', '-p', '-qq', $path)) { local $/; $xml = <$z> // ''; close $z; }
        return utf8_text($xml);
    }
    if ($bytes =~ /^\xD0\xCF\x11\xE0/) {                            # .xls: UTF-16LE strings
        require Encode;
        return Encode::decode('UTF-16LE', $bytes, Encode::FB_DEFAULT()) . "\n"
            . Encode::decode('UTF-16LE', substr($bytes, 1), Encode::FB_DEFAULT());
    }
    my $text = $bytes;
    return $text if utf8::decode($text);
    return utf8_text($bytes) if $bytes =~ /^SQLite format 3\0/;
    my $converted = '';
    if (open(my $iconv, '-|', 'iconv', '-c', '-f', 'GB18030', '-t', 'UTF-8', $path)) {
        local $/;
        $converted = <$iconv> // '';
        close $iconv;
    }
    return utf8_text($converted) . "\n" . utf8_text($bytes);
}

sub data_text {
    my @paths;
    for my $a (@args) {
        push @paths, $a;
        push @paths, $1 if $a =~ /^-[^=]*=(.+)$/;
    }
    push @paths, $stdin_file if $stdin_file ne '';
    push @paths, 'guazhi.db';
    push @paths, $ENV{GUAZHI_DB} if $ENV{GUAZHI_DB};
    my @texts;
    my %seen;
    my $add = sub {
        my $p = shift;
        return if $seen{$p}++ || !-f $p;
        push @texts, file_text($p);
        push @texts, file_text("$p-wal") if -f "$p-wal";
    };
    for my $p (@paths) {
        if (-d $p) {
            opendir(my $d, $p) or next;
            my @entries = grep { !/^\./ } readdir $d;
            closedir $d;
            $add->("$p/$_") for @entries[0 .. ($#entries < 199 ? $#entries : 199)];
        } else {
            $add->($p);
        }
    }
    my $text = join("\n", @texts);
    $text =~ tr/\x{FF01}-\x{FF5E}/\x{21}-\x{7E}/;
    $text =~ s/[\s\x{3000}]+/ /g;
    return $text;
}

sub en_offenders {
    my @lines = @_;
    my @bad;
    my ($argv_text, $vocab, $entries, $data);
    for my $line (@lines) {
        next unless $line =~ $cjk;
        $argv_text //= fold(join("\n", map { utf8_text($_) } @args));
        my $ok = 1;
        my $rest = $line;
        1 while $rest =~ s/\([^()]*\)/ /g;                              # glosses and examples
        while ($rest =~ /($cjk+)/g) {
            for my $piece (grep { $_ =~ $cjk } split /[^\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{2FA1F}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}]+/, fold($1)) {
                next if index($argv_text, $piece) >= 0;
                ($vocab, $entries) = vocabulary() unless defined $vocab;
                next if index($vocab, $piece) >= 0 || words_of($piece, $entries);
                $data //= fold(data_text());
                next if index($data, $piece) >= 0;
                $ok = 0;
            }
        }
        push @bad, $line unless $ok;
    }
    return @bad;
}

my $bad = 0;
for my $mode (qw(zh en)) {
    next unless exists $file_of{$mode};
    my @lines = lines_of($file_of{$mode});
    for my $line ($mode eq 'zh' ? zh_offenders(@lines) : en_offenders(@lines)) {
        print "$mode\t$line\n";
        $bad = 1;
    }
}
exit $bad;
