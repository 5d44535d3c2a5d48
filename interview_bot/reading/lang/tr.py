"""Turkish: olumsuz dönüşler, iş teklifleri, ikinci mülakat davetleri, "süreç devam ediyor" ve otomatik yanıtlar.

Turkish dotted and dotless i: patterns are written in lower case and matched case-insensitively
after NFKC, so "İş" reads as "iş". Written against tests/reading/data/lang/tr.yaml (sources there).
"""

CODE = "tr"

RULES: dict[str, tuple[str, ...]] = {
    "rejection": (
        r"\bbaşka\s+(?:bir\s+)?aday(?:la|larla|ımızla)?\s+(?:ile\s+)?(?:devam|ilerle|çalışma)",
        r"\bolumlu\s+(?:olarak\s+)?değerlendir(?:e|i)me",
        r"\b(?:seçmedi|seçilmedi|seçemedik|seçilmediniz)\b",
        r"\bdevam\s+(?:edemeyeceğiz|etmeyeceğiz)",
        r"\buygun\s+(?:bulunmadı|görülmedi|değerlendirilmedi)",
        r"\bpozisyon(?:umuz)?\s+(?:için\s+)?(?:doldu|kapandı|kapatıldı|dolmuştur)",
        r"\bolumlu\s+(?:bir\s+)?(?:dönüş|yanıt|cevap)\s+(?:yapıla|yapa|vere|verile|sağlana)m[ıiae]",  # "olumlu dönüş yapılamadığını"
        r"\buygun\s+olmadığınız(?:a|ı)\b",  # "uygun olmadığınıza karar verdik"
    ),
    "offer": (r"\biş\s+teklif(?:i|imizi|imiz)\b", r"\bteklif\s+mektubu", r"\bsize\s+teklif\s+(?:sunmak|etmek)",
              r"\bişe\s+başlama\s+(?:süreci|tarihi)"),
    "next_steps": (
        r"\b(?:ikinci|sonraki|bir\s+sonraki|teknik|son)\s+(?:mülakat|görüşme|aşama)\w*\s+(?:davet|için|ya|ye)",
        r"\bdavet\s+etmek\s+ist",
        r"\buygun\s+olduğunuz\s+(?:zaman|gün|saat)",
        r"\bkısa\s+listeye\s+alın",  # "başvurunuz ... kısa listeye alındı": shortlisted
        r"\bsizi\s+(?:\w+\s+){0,3}?davet\s+(?:ediyoruz|etmek)",  # "sizi bir sonraki aşamaya davet etmekten"
        r"\b(?:mülakat|görüşme)(?:nız|niz|ınız|iniz)?\s+(?:başarıyla\s+)?(?:planlanmıştır|planlandı|ayarlanmıştır|ayarlandı)",
    ),
    "holding": (
        r"\b(?:süreç|değerlendirme)\w*\s+(?:hala\s+|hâlâ\s+)?devam\s+ediyor",
        r"\bdönüş\s+(?:yapacağız|sağlayacağız)",
        r"\bdeğerlendirme\s+aşamasında|\b(?:incelenmektedir|değerlendirilmektedir)\b",
    ),
    "acknowledgement": (r"\bmesajınızı\s+aldık", r"\be-?postanız\s+için\s+teşekkür", r"\bbaşvurunuz\s+(?:bize\s+)?ulaştı",
                        r"\bbaşvurunuzu\s+(?:başarıyla\s+)?(?:aldık|aldığımızı)",
                        r"\bbaşvurunuz\s+(?:başarıyla\s+)?(?:alınmıştır|alındı)"),
}
AUTO_SUBJECT: tuple[str, ...] = (r"otomatik\s+yanıt", r"otomatik\s+cevap", r"ofis\s+dışı")
AUTO_BODY: tuple[str, ...] = (r"\bofis\s+dışındayım", r"\bizindeyim\b", r"\byıllık\s+izindeyim")
SILENCE: tuple[str, ...] = (r"\beğer\s+[^.!?]{0,40}(?:dönüş|haber|yanıt)\s+(?:alamaz|almaz)",)

INTERVIEW_WORDS: tuple[str, ...] = (r"\bmülakat", r"\b(?:iş|ik|son|teknik|ilk|ikinci)\s+görüşme", r"\bgörüşmesi\b")
ATTRIBUTION: tuple[str, ...] = (
    r"^.{1,120}\s(?:yazdı|yazmış)\s*:\s*$",  # Thunderbird "#1 yazdı:", Roundcube "$date, $sender yazmış:"
    r"^.{1,160}\starihinde\sşunu\syazdı\s*:\s*$",  # Outlook 2019
)
HEADER_FROM: tuple[str, ...] = ("Kimden", "Gönderen", "Gönderici")
HEADER_FIELDS: tuple[str, ...] = ("Gönderilen", "Tarih", "Kime", "Alıcı", "Konu", "Bilgi", "Kopya", "Yanıt Adresi")
ORIGINAL_MESSAGE: tuple[str, ...] = ("Özgün İleti", "Orijinal Mesaj")
# Forwards: Thunderbird's mailnews.forward_header_originalmessage, Yahoo and Apple Mail
# (crisp-oss/email-forward-parser's client fixtures); New Outlook's İLT: and FairEmail's title_subject_forward (rows
# in tests/reading/data/lang/tr.yaml).
FORWARDED: tuple[str, ...] = ("İletilen İleti", "İletilmiş Mesaj", "İleti başlangıcı:")
FORWARD_SUBJECT: tuple[str, ...] = ("İLT", "İlet")
BOUNCE_SUBJECT: tuple[str, ...] = (r"teslim\s+edilemedi", r"iletilemedi", r"teslimat\s+(?:hatası|başarısız)")

PROMISE_CUE: tuple[str, ...] = (r"\bdönüş", r"\b(?:bilgi|haber)\s+ver", r"\bbildir", r"\bilet(?:eceğiz|işime)")
PROMISE_DATES: tuple[tuple[str, str], ...] = (
    (r"\blütfen\b[^.!?]{0,40}\bkadar\b", "candidate"),
    (r"\b{n}\s+iş\s+günü", "business_days"),
    (r"\b{n}\s+hafta\s+(?:içinde|içerisinde|sonra)", "weeks"),
    (r"\b{n}\s+gün\s+(?:içinde|içerisinde|sonra)", "days"),
    (r"\b(?:gelecek|önümüzdeki|haftaya)\s+{weekday}", "next_week_weekday"),
    (r"\b(?:gelecek|önümüzdeki)\s+hafta|\bhaftaya\b", "next_week"),
    (r"\bbu\s+hafta", "this_week"),
    (r"\b{day}\s+{month}", "day_month"),
    (r"\b{weekday}\w*\s+(?:gününe\s+)?kadar", "weekday"),
    (r"\byarın\b", "tomorrow"),
)
WEEKDAYS: dict[str, int] = {"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5, "pazar": 6}
MONTHS: dict[str, int] = {
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8,
    "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
}
NUMBERS: dict[str, int] = {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "on": 10}
