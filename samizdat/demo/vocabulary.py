"""Words of the demo publication, in English and Persian, written for it.

Every entry is a pair (English, Persian) so that one set of choices reads as
an article in either edition, and a translated pair says the same thing.
Persian noun phrases never need an ezafe after them in the sentence
templates (see `phrases.py`), so they slot in without changing form."""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]


PLACES: list[Pair] = [
    ("Rudabad", "رودآباد"),
    ("Tal-Sefid", "تل‌سفید"),
    ("Bandar Nur", "بندر نور"),
    ("Sabzdasht", "سبزدشت"),
    ("Kuhsar", "کوهسار"),
    ("Darreh-Now", "دره‌نو"),
    ("Golshahr", "گلشهر"),
    ("Abshar", "آبشار"),
    ("Qaleh-Sangi", "قلعه‌سنگی"),
    ("Namakzar", "نمکزار"),
    ("Ahuan", "آهوان"),
    ("Mehrabad-e Sofla", "مهرآباد سفلی"),
]

FIRST_NAMES: list[Pair] = [
    ("Maryam", "مریم"),
    ("Reza", "رضا"),
    ("Zahra", "زهرا"),
    ("Ali", "علی"),
    ("Hossein", "حسین"),
    ("Laleh", "لاله"),
    ("Farhad", "فرهاد"),
    ("Ziba", "زیبا"),
    ("Mehdi", "مهدی"),
    ("Niloufar", "نیلوفر"),
    ("Behrouz", "بهروز"),
    ("Sara", "سارا"),
    ("Hamid", "حمید"),
    ("Fereshteh", "فرشته"),
    ("Javad", "جواد"),
    ("Golnaz", "گلناز"),
    ("Saeed", "سعید"),
    ("Elham", "الهام"),
    ("Majid", "مجید"),
    ("Nazanin", "نازنین"),
]
LAST_NAMES: list[Pair] = [
    ("Ahmadi", "احمدی"),
    ("Rahimi", "رحیمی"),
    ("Hosseini", "حسینی"),
    ("Moradi", "مرادی"),
    ("Sadeghi", "صادقی"),
    ("Nazari", "نظری"),
    ("Shirazi", "شیرازی"),
    ("Kermani", "کرمانی"),
    ("Zand", "زند"),
    ("Esfahani", "اصفهانی"),
    ("Heydari", "حیدری"),
    ("Mohammadi", "محمدی"),
    ("Rezaei", "رضایی"),
    ("Asadi", "اسدی"),
    ("Sharifi", "شریفی"),
    ("Abbasi", "عباسی"),
    ("Ebrahimi", "ابراهیمی"),
    ("Nouri", "نوری"),
]


@dataclass(frozen=True)
class Topic:
    """One running story: who it hurts, who answers for it, what is measured."""

    key: str
    name: Pair  # singular noun phrase: "the water shortage"
    group: Pair  # plural people: "farmers"
    body: Pair  # singular institution: "the energy ministry"
    measure: Pair  # singular quantity: "the reservoir level"
    rises: bool  # whether the measure went up
    demand: Pair  # noun phrase the group asks for
    action: Pair  # noun phrase the institution announces
    tags: tuple[Pair, ...]
    witness: Pair  # role of an affected speaker, with {place}
    motif: str  # what the cartoonist draws (see drawing.py)


TOPICS = [
    Topic(
        "water",
        ("the water shortage", "کم‌آبی"),
        ("farmers", "کشاورزان"),
        ("the energy ministry", "وزارت نیرو"),
        ("the reservoir level", "سطح آب سدها"),
        False,
        ("a fair share of water", "سهم عادلانه از آب"),
        ("a water rationing plan", "طرح جیره‌بندی آب"),
        (("Water shortage", "کم‌آبی"), ("Drought", "خشک‌سالی")),
        ("a farmer in {place}", "کشاورز اهل {place}"),
        "tap",
    ),
    Topic(
        "power",
        ("the electricity crisis", "بحران برق"),
        ("shopkeepers", "مغازه‌داران"),
        ("the electricity company", "شرکت برق"),
        ("the length of daily blackouts", "مدت خاموشی‌های روزانه"),
        True,
        ("a published blackout schedule", "جدول شفاف خاموشی‌ها"),
        ("a new blackout timetable", "جدول تازه خاموشی‌ها"),
        (("Electricity", "برق"), ("Blackouts", "خاموشی‌ها")),
        ("a shopkeeper in {place}", "مغازه‌دار اهل {place}"),
        "bulb",
    ),
    Topic(
        "prices",
        ("inflation", "تورم"),
        ("families", "خانواده‌ها"),
        ("the central bank", "بانک مرکزی"),
        ("the price of bread", "قیمت نان"),
        True,
        ("wages that keep up with prices", "دستمزد متناسب با تورم"),
        ("an emergency food subsidy", "یارانه اضطراری غذا"),
        (("Inflation", "تورم"), ("Cost of living", "هزینه‌های زندگی")),
        ("a mother of three in {place}", "مادر سه فرزند اهل {place}"),
        "cart",
    ),
    Topic(
        "internet",
        ("internet filtering", "فیلترینگ اینترنت"),
        ("students", "دانشجویان"),
        ("the communications ministry", "وزارت ارتباطات"),
        ("the number of blocked websites", "شمار سایت‌های مسدودشده"),
        True,
        ("free access to the internet", "دسترسی آزاد به اینترنت"),
        ("a licensing rule for online services", "قانون مجوز خدمات آنلاین"),
        (("Internet", "اینترنت"), ("Censorship", "سانسور")),
        ("a computer science student in {place}", "دانشجوی کامپیوتر در {place}"),
        "padlock",
    ),
    Topic(
        "press",
        ("press censorship", "سانسور مطبوعات"),
        ("journalists", "روزنامه‌نگاران"),
        ("the press supervisory board", "هیئت نظارت بر مطبوعات"),
        ("the number of suspended publications", "شمار نشریات توقیف‌شده"),
        True,
        ("an end to censorship before print", "پایان سانسور پیش از انتشار"),
        ("a new press code", "آیین‌نامه تازه مطبوعات"),
        (
            ("Press freedom", "آزادی مطبوعات"),
            ("Media", "رسانه‌ها"),
            ("We want to know", "می‌خواهیم بدانیم"),
        ),
        ("an editor of a weekly in {place}", "سردبیر هفته‌نامه‌ای در {place}"),
        "newspaper",
    ),
    Topic(
        "air",
        ("air pollution", "آلودگی هوا"),
        ("parents", "والدین"),
        ("the environment agency", "سازمان محیط زیست"),
        ("the number of school closures", "شمار روزهای تعطیلی مدارس"),
        True,
        ("cleaner fuel for buses", "سوخت پاک برای اتوبوس‌ها"),
        ("an odd-even driving scheme", "طرح زوج و فرد"),
        (("Air pollution", "آلودگی هوا"), ("Health", "سلامت")),
        ("a father of two in {place}", "پدر دو فرزند اهل {place}"),
        "cloud",
    ),
    Topic(
        "housing",
        ("the rent surge", "جهش اجاره‌بها"),
        ("tenants", "مستأجران"),
        ("the housing ministry", "وزارت مسکن"),
        ("average rent", "میانگین اجاره‌بها"),
        True,
        ("a cap on rent increases", "سقف افزایش اجاره‌بها"),
        ("a rent support loan", "وام ودیعه مسکن"),
        (("Housing", "مسکن"), ("Rent", "اجاره‌بها")),
        ("a tenant in {place}", "مستأجر ساکن {place}"),
        "house",
    ),
    Topic(
        "medicine",
        ("the medicine shortage", "کمبود دارو"),
        ("patients", "بیماران"),
        ("the health ministry", "وزارت بهداشت"),
        ("the number of scarce medicines", "شمار داروهای کمیاب"),
        True,
        ("imported medicine at fair prices", "داروی وارداتی با قیمت منصفانه"),
        ("an emergency import licence", "مجوز واردات اضطراری"),
        (("Health", "سلامت"), ("Medicine", "دارو")),
        ("a pharmacist in {place}", "داروساز اهل {place}"),
        "pill",
    ),
    Topic(
        "teachers",
        ("the teachers' pay dispute", "اختلاف بر سر حقوق معلمان"),
        ("teachers", "معلمان"),
        ("the education ministry", "وزارت آموزش و پرورش"),
        ("the real value of a teacher's salary", "ارزش واقعی حقوق معلمان"),
        False,
        ("wages above the poverty line", "دستمزدی بالاتر از خط فقر"),
        ("a one-off bonus", "پاداش یک‌باره"),
        (("Education", "آموزش"), ("Wages", "دستمزد"), ("Teachers", "معلمان")),
        ("a secondary school teacher in {place}", "دبیر دبیرستانی در {place}"),
        "megaphone",
    ),
    Topic(
        "heat",
        ("the heat wave", "موج گرما"),
        ("construction workers", "کارگران ساختمانی"),
        ("the labour ministry", "وزارت کار"),
        ("the number of days above 45 degrees", "شمار روزهای بالای ۴۵ درجه"),
        True,
        ("paid breaks in the hottest hours", "استراحت با حقوق در ساعت‌های داغ"),
        ("shorter office hours", "کاهش ساعت کاری ادارات"),
        (("Climate", "اقلیم"), ("Heat", "گرما")),
        ("a builder in {place}", "بنای ساختمانی در {place}"),
        "sun",
    ),
    Topic(
        "mill",
        ("the closure of the textile mill", "تعطیلی کارخانه نساجی"),
        ("mill workers", "کارگران کارخانه"),
        ("the provincial government", "استانداری"),
        ("the sum of unpaid wages", "حجم دستمزدهای معوقه"),
        True,
        ("months of unpaid wages", "پرداخت ماه‌ها دستمزد معوقه"),
        ("a rescue loan for the mill", "وام نجات برای کارخانه"),
        (("Labour", "کارگران"), ("Unemployment", "بی‌کاری")),
        ("a weaver at the mill for twenty years", "بافنده‌ای با بیست سال سابقه"),
        "factory",
    ),
    Topic(
        "transport",
        ("the bus fare rise", "افزایش کرایه اتوبوس"),
        ("commuters", "مسافران"),
        ("the city council", "شورای شهر"),
        ("the cost of a monthly bus pass", "هزینه کارت ماهانه اتوبوس"),
        True,
        ("affordable public transport", "حمل‌ونقل عمومی ارزان"),
        ("a discount for students and pensioners", "تخفیف برای دانشجویان و بازنشستگان"),
        (("Transport", "حمل‌ونقل"), ("Cost of living", "هزینه‌های زندگی")),
        ("a nurse who commutes to {place}", "پرستاری که هر روز به {place} می‌رود"),
        "bus",
    ),
    Topic(
        "pensions",
        ("the pension fund deficit", "کسری صندوق بازنشستگی"),
        ("pensioners", "بازنشستگان"),
        ("the social security fund", "سازمان تأمین اجتماعی"),
        ("the fund's deficit", "کسری صندوق"),
        True,
        ("pensions paid on time", "پرداخت به‌موقع مستمری‌ها"),
        ("a plan to raise the retirement age", "طرح افزایش سن بازنشستگی"),
        (("Pensions", "بازنشستگی"), ("Wage earners", "حقوق‌بگیران")),
        ("a retired railway worker in {place}", "کارگر بازنشسته راه‌آهن در {place}"),
        "wallet",
    ),
    Topic(
        "refugees",
        ("the deportation of refugees", "اخراج پناه‌جویان"),
        ("refugee families", "خانواده‌های پناه‌جو"),
        ("the interior ministry", "وزارت کشور"),
        ("the number of deportations", "شمار اخراج‌ها"),
        True,
        ("a fair hearing for every case", "رسیدگی عادلانه به هر پرونده"),
        ("a new residence permit scheme", "طرح تازه اقامت"),
        (("Refugees", "پناه‌جویان"), ("Human rights", "حقوق بشر")),
        ("a lawyer who represents refugees in {place}", "وکیل پناه‌جویان در {place}"),
        "suitcase",
    ),
    Topic(
        "books",
        ("book censorship", "سانسور کتاب"),
        ("publishers", "ناشران"),
        ("the culture ministry", "وزارت فرهنگ"),
        ("the number of books awaiting a permit", "شمار کتاب‌های در انتظار مجوز"),
        True,
        ("the end of review before publication", "لغو ممیزی پیش از انتشار"),
        ("a faster permit process", "روند سریع‌تر صدور مجوز"),
        (
            ("Books", "کتاب"),
            ("Censorship", "سانسور"),
            ("Bookshops", "کتاب‌فروشی‌ها"),
        ),
        ("a bookseller in {place}", "کتاب‌فروش اهل {place}"),
        "book",
    ),
    Topic(
        "universities",
        ("the university admissions row", "جنجال پذیرش دانشگاه‌ها"),
        ("applicants", "داوطلبان"),
        ("the science ministry", "وزارت علوم"),
        ("the share of places reserved by quota", "سهم ظرفیت‌های سهمیه‌ای"),
        True,
        ("admission on merit alone", "پذیرش فقط بر پایه شایستگی"),
        ("a review of admission quotas", "بازنگری در سهمیه‌ها"),
        (("Universities", "دانشگاه‌ها"), ("Education", "آموزش")),
        ("a school leaver in {place}", "داوطلب کنکور اهل {place}"),
        "book",
    ),
]

CHANGE: dict[bool, dict[str, Pair]] = {
    True: {"changed": ("risen", "افزایش"), "updown": ("up", "افزایش")},
    False: {"changed": ("fallen", "کاهش"), "updown": ("down", "کاهش")},
}

# Roles of speakers who are not the affected people; {place}, {body} filled in.
EXPERT_ROLES: list[Pair] = [
    ("an economist at the University of {place}", "اقتصاددان دانشگاه {place}"),
    ("a researcher in public policy", "پژوهشگر سیاست‌گذاری عمومی"),
    ("a lawyer who has followed the case", "وکیلی که پرونده را دنبال کرده است"),
    ("a retired civil engineer", "مهندس عمران بازنشسته"),
    ("a sociologist who studies small towns", "جامعه‌شناس شهرهای کوچک"),
]
WHEN: list[Pair] = [
    ("this week", "این هفته"),
    ("on Saturday", "روز شنبه"),
    ("on Sunday", "روز یکشنبه"),
    ("on Monday", "روز دوشنبه"),
    ("on Tuesday", "روز سه‌شنبه"),
    ("earlier this week", "اوایل این هفته"),
]
SOURCE_HOSTS = ["example.org", "example.com", "example.net"]
SOURCE_PATHS = ["statements", "hearings", "records", "transcripts", "reports"]
