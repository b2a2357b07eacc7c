<?php
/**
 * The <alignment-board> tag: wikitext cannot hold custom elements, so this extension turns
 * the tag into the board's element, and adds the board's script to pages that use it.
 *
 *   <alignment-board storage-key="leadership" view="health" />
 *   <alignment-board readonly>{ "format": "alignment-board", "version": 1, … }</alignment-board>
 *
 * Attributes are the element's (storage-key, readonly, view, theme, src); others are
 * dropped. A body is a snapshot: the element shows it, read-only when no storage-key is
 * given. Install: copy this folder to extensions/, copy the board's dist/ where the wiki
 * serves it, and in LocalSettings.php:
 *
 *   wfLoadExtension( 'AlignmentBoard' );
 *   $wgAlignmentBoardScript = '/alignment-board/alignment-board.js';
 */
class AlignmentBoard {
	/** The element's attributes; the value of `readonly` does not matter. */
	private const ATTRIBUTES = [ 'storage-key', 'readonly', 'view', 'theme', 'src' ];

	public static function onParserFirstCallInit( Parser $parser ) {
		$parser->setHook( 'alignment-board', [ self::class, 'renderTag' ] );
	}

	public static function renderTag( $input, array $args, Parser $parser, PPFrame $frame ) {
		global $wgAlignmentBoardScript;
		// The module script, once per page however many boards it has.
		$parser->getOutput()->addHeadItem(
			'<script type="module" src="' . htmlspecialchars( $wgAlignmentBoardScript, ENT_QUOTES ) . '"></script>',
			'alignment-board'
		);
		return self::element( $input, $args );
	}

	/**
	 * The element for a tag's attributes and body. Attribute values are escaped; the body
	 * goes in a JSON script element with every `<` written `\u003c`, which means the same
	 * inside JSON strings (the only place JSON has one) and can never end the element.
	 */
	public static function element( ?string $input, array $args ): string {
		$html = '<alignment-board';
		foreach ( self::ATTRIBUTES as $name ) {
			if ( !array_key_exists( $name, $args ) ) {
				continue;
			}
			$html .= $name === 'readonly'
				? ' readonly'
				: ' ' . $name . '="' . htmlspecialchars( (string)$args[$name], ENT_QUOTES ) . '"';
		}
		$html .= '>';
		$snapshot = trim( $input ?? '' );
		if ( $snapshot !== '' ) {
			$html .= '<script type="application/json">' . str_replace( '<', '\u003c', $snapshot ) . '</script>';
		}
		return $html . '</alignment-board>';
	}
}
