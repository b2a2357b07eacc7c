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
 * given. A src must be on the wiki's own origin ($wgServer), relative or absolute: as with
 * external images, a page's editor does not send its readers' browsers to other sites, and
 * the tag shows why instead of a board. Install: copy this folder to extensions/, copy the board's dist/ where the wiki
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
		global $wgAlignmentBoardScript, $wgServer;
		if ( isset( $args['src'] ) && !self::onWiki( (string)$args['src'], (string)$wgServer ) ) {
			return self::refusal( (string)$args['src'], (string)$wgServer );
		}
		// The module script, once per page however many boards it has.
		$parser->getOutput()->addHeadItem(
			'<script type="module" src="' . htmlspecialchars( $wgAlignmentBoardScript, ENT_QUOTES ) . '"></script>',
			'alignment-board'
		);
		return self::element( $input, $args );
	}

	/**
	 * Whether `src` is on the wiki's origin, `$server` as $wgServer gives it
	 * (https://wiki.example.com, or //wiki.example.com to follow the reader's scheme): a
	 * relative URL, or an absolute one with the same scheme, host and port. Browsers read a
	 * backslash as a slash and drop tabs and line breaks from URLs, so `/\host` or a tab
	 * between two slashes would lead elsewhere: such addresses are refused outright.
	 */
	public static function onWiki( string $src, string $server ): bool {
		if ( preg_match( '/[\x00-\x20\x7f\\\\]/', $src ) ) {
			return false;
		}
		$absolute = preg_match( '#^(?:[a-z][a-z0-9+.-]*:)?//#i', $src );
		if ( !$absolute ) {
			// A path, query or fragment; with a scheme but no host (data:, javascript:,
			// https:elsewhere), it is not one.
			return !preg_match( '/^[a-z][a-z0-9+.-]*:/i', $src );
		}
		// An address that starts with // takes the scheme of the page, the wiki's.
		$scheme = preg_match( '#^([a-z][a-z0-9+.-]*):#i', $server, $match ) ? strtolower( $match[1] ) : 'https';
		$target = self::origin( $src, $scheme );
		return $target !== null && $target === self::origin( $server, $target[0] );
	}

	/**
	 * An absolute URL's scheme, host and port (`$scheme` for a URL that starts with //), or
	 * null unless it is http or https with a host and no user name.
	 */
	private static function origin( string $url, string $scheme ): ?array {
		$parts = parse_url( substr( $url, 0, 2 ) === '//' ? "$scheme:$url" : $url );
		if ( !$parts || !isset( $parts['scheme'], $parts['host'] ) || isset( $parts['user'] ) ) {
			return null;
		}
		$scheme = strtolower( $parts['scheme'] );
		if ( $scheme !== 'http' && $scheme !== 'https' ) {
			return null;
		}
		return [ $scheme, strtolower( $parts['host'] ), $parts['port'] ?? ( $scheme === 'https' ? 443 : 80 ) ];
	}

	/** What the page shows in place of a board whose src is elsewhere. */
	public static function refusal( string $src, string $server ): string {
		// At most 40 characters of it, as the board quotes values.
		$quoted = preg_replace( '/^(.{40}).+$/us', '$1…', $src ) ?? '';
		return '<strong class="error">' . htmlspecialchars(
			"This alignment board is not shown: its src, \"$quoted\", is not on this wiki. "
			. "A board's snapshot is read only from this wiki ($server), like its images; "
			. 'upload or link it here.',
			ENT_QUOTES | ENT_SUBSTITUTE
		) . '</strong>';
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
