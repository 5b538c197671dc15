"""Feed documents for the tests."""

ENTRY = """<item><title>{title}</title><link>https://news.example.com/{slug}</link>
<pubDate>Tue, 04 Feb 2025 09:00:00 GMT</pubDate><description>{text}</description></item>"""


def rss(*entries: tuple[str, str, str], tail: str = "</channel></rss>") -> bytes:
    """An RSS 2.0 feed of (title, slug, text) entries; `tail` lets a test break the XML."""
    items = "".join(ENTRY.format(title=t, slug=s, text=x) for t, s, x in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{items}{tail}'.encode()


KAKAO = ("Kakao partners with OpenAI", "kakao-openai", "Kakao signed a partnership with OpenAI on Tuesday.")
NAVER = ("Naver weighs Oracle tie-up", "naver-oracle", "Naver is considering a tie-up with Oracle for cloud services.")
