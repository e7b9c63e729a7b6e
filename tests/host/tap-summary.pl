#!/usr/bin/perl
# Parses TAP from stdin with TAP::Parser and prints one line describing it,
# so a host test can compare the whole parse against what it expects.
use strict;
use warnings;
use TAP::Parser;

my $tap = do { local $/; <STDIN> };
my $parser = TAP::Parser->new({ tap => $tap });
my ($yaml_blocks, $yaml_with_log, $unknown) = (0, 0, 0);
while (my $result = $parser->next) {
	$unknown++ if $result->is_unknown;
	next unless $result->is_yaml;
	$yaml_blocks++;
	my $data = $result->data;
	$yaml_with_log++ if ref $data eq 'HASH' && defined $data->{log};
}
printf "version=%s plan=%s passed=%s failed=%s skipped=%s yaml=%d with_log=%d unknown=%d errors=%s\n",
	$parser->version, $parser->plan, join(',', $parser->passed), join(',', $parser->failed),
	join(',', $parser->skipped), $yaml_blocks, $yaml_with_log, $unknown,
	join('; ', $parser->parse_errors) || 'none';
