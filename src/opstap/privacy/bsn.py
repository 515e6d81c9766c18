"""BSN: the elfproef and a masked display."""


def is_geldig_bsn(bsn: str) -> bool:
    """The elfproef for a BSN: nine digits, weighted sum divisible by 11 (last weight -1)."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(c) * g for c, g in zip(bsn, gewichten, strict=True)) % 11 == 0


def normaliseer_bsn(invoer: str) -> str:
    """Accept the ways people write a BSN: spaces and dots, or eight digits without the leading 0."""
    cijfers = "".join(c for c in invoer if c not in " .-")
    if len(cijfers) == 8 and cijfers.isdigit():
        cijfers = "0" + cijfers
    return cijfers


def maskeer_bsn(bsn: str) -> str:
    return "*****" + bsn[-4:] if len(bsn) == 9 else "*********"
