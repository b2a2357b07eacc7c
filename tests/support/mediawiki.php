<?php
// Runs the MediaWiki extension in examples/mediawiki against stand-ins for the few parser
// classes it touches, for tests/e2e/mediawiki.test.mjs: reads a JSON list of tags
// ({ "input": body or null, "args": attributes }) from stdin and prints, as JSON, the HTML
// of each and the head items the page collected.
class PPFrame {}
class ParserOutput {
	public array $headItems = [];
	public function addHeadItem( string $html, string $tag ) {
		$this->headItems[$tag] = $html;
	}
}
class Parser {
	public array $hooks = [];
	private ParserOutput $output;
	public function __construct() {
		$this->output = new ParserOutput();
	}
	public function setHook( string $tag, callable $callback ) {
		$this->hooks[$tag] = $callback;
	}
	public function getOutput(): ParserOutput {
		return $this->output;
	}
}

require __DIR__ . '/../../examples/mediawiki/AlignmentBoard/AlignmentBoard.php';
$wgAlignmentBoardScript = getenv( 'ALIGNMENT_BOARD_SCRIPT' ) ?: '/alignment-board/alignment-board.js';
$wgServer = getenv( 'WIKI_SERVER' ) ?: 'https://wiki.example.com';

$parser = new Parser();
AlignmentBoard::onParserFirstCallInit( $parser );
$html = [];
foreach ( json_decode( stream_get_contents( STDIN ), true ) as $tag ) {
	$html[] = ( $parser->hooks['alignment-board'] )( $tag['input'], $tag['args'], $parser, new PPFrame() );
}
echo json_encode( [ 'html' => $html, 'head' => array_values( $parser->getOutput()->headItems ) ] );
