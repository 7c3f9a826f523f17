"""The demo newsroom: its sections and its people, in English and Persian."""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: Pair
    kind: str
    introduction: Pair


SECTIONS = [
    SectionSpec(
        "news",
        ("News", "اخبار"),
        "news",
        (
            "What happened, checked and sourced.",
            "آنچه رخ داد، راستی‌آزمایی‌شده و مستند.",
        ),
    ),
    SectionSpec(
        "opinion",
        ("Opinion", "دیدگاه"),
        "opinion",
        (
            "Arguments from our columnists and guest writers.",
            "استدلال‌های ستون‌نویسان و نویسندگان مهمان ما.",
        ),
    ),
    SectionSpec(
        "report",
        ("Report", "گزارش"),
        "report",
        (
            "Our reporters on the ground, in the cities and the provinces.",
            "خبرنگاران ما در میدان، در شهرها و استان‌ها.",
        ),
    ),
    SectionSpec(
        "caricature",
        ("Caricature", "کاریکاتور"),
        "opinion",
        (
            "The week in pictures, drawn by our cartoonists.",
            "رویدادهای هفته به قلم کاریکاتوریست‌های ما.",
        ),
    ),
    SectionSpec(
        "interview",
        ("Interview", "گفت‌وگو"),
        "interview",
        (
            "Conversations with the people the story is about.",
            "گفت‌وگو با کسانی که خبر درباره آنهاست.",
        ),
    ),
    SectionSpec(
        "analysis",
        ("Analysis", "تحلیل"),
        "analysis",
        (
            "The numbers and the reasons behind the headlines.",
            "اعداد و دلایل پشت تیترها.",
        ),
    ),
]
SECTION_FOR_KIND = {
    "news": "news",
    "opinion": "opinion",
    "report": "report",
    "interview": "interview",
    "analysis": "analysis",
}
KIND_WEIGHTS = {
    "news": 40,
    "opinion": 18,
    "report": 16,
    "analysis": 14,
    "interview": 12,
}


@dataclass(frozen=True)
class StaffSpec:
    slug: str
    name: Pair
    pen_name: Pair | None
    role: Pair
    bio: Pair
    kinds: tuple[str, ...]


STAFF = [
    StaffSpec(
        "leila-karimi",
        ("Leila Karimi", "لیلا کریمی"),
        None,
        ("Senior reporter", "خبرنگار ارشد"),
        (
            "Leila has covered water, land and the cities of the south for twelve"
            " years. She reads every budget line so readers do not have to.",
            "لیلا دوازده سال است درباره آب، زمین و شهرهای جنوب گزارش می‌نویسد."
            " او همه سطرهای بودجه را می‌خواند تا خوانندگان مجبور نباشند.",
        ),
        ("news", "report", "interview"),
    ),
    StaffSpec(
        "dariush-farahani",
        ("Dariush Farahani", "داریوش فراهانی"),
        ("Rahgozar", "رهگذر"),
        ("Columnist", "ستون‌نویس"),
        (
            "A former schoolteacher who writes a weekly column on public life,"
            " signed with the pen name he used in the student press.",
            "معلم پیشینی که هر هفته درباره زندگی عمومی می‌نویسد و ستونش را با"
            " نام قلمی دوران نشریات دانشجویی امضا می‌کند.",
        ),
        ("opinion",),
    ),
    StaffSpec(
        "nasrin-tabrizi",
        ("Nasrin Tabrizi", "نسرین تبریزی"),
        None,
        ("Economics correspondent", "خبرنگار اقتصادی"),
        (
            "Nasrin follows prices, wages and the central bank. Before journalism"
            " she was an accountant in a textile firm.",
            "نسرین قیمت‌ها، دستمزدها و بانک مرکزی را دنبال می‌کند. او پیش از"
            " روزنامه‌نگاری حسابدار یک شرکت نساجی بود.",
        ),
        ("news", "analysis"),
    ),
    StaffSpec(
        "kaveh-soltani",
        ("Kaveh Soltani", "کاوه سلطانی"),
        ("Nish", "نیش"),
        ("Cartoonist", "کاریکاتوریست"),
        (
            "Kaveh has drawn for newspapers that no longer exist and for some"
            " that still do. He signs his cartoons Nish, the sting.",
            "کاوه برای روزنامه‌هایی کشیده که دیگر نیستند و برای برخی که هنوز"
            " هستند. کاریکاتورهایش را با امضای «نیش» می‌کشد.",
        ),
        ("caricature",),
    ),
    StaffSpec(
        "shirin-mirzaei",
        ("Shirin Mirzaei", "شیرین میرزایی"),
        None,
        ("Cartoonist", "کاریکاتوریست"),
        (
            "Shirin draws everyday life: queues, kitchens, buses and the people"
            " who wait in them.",
            "شیرین زندگی روزمره را می‌کشد: صف‌ها، آشپزخانه‌ها، اتوبوس‌ها و"
            " آدم‌هایی که در آنها منتظر می‌مانند.",
        ),
        ("caricature",),
    ),
    StaffSpec(
        "omid-rostami",
        ("Omid Rostami", "امید رستمی"),
        None,
        ("Provinces reporter", "خبرنگار استان‌ها"),
        (
            "Omid reports from small towns that rarely reach the evening news,"
            " usually by bus.",
            "امید از شهرهای کوچکی گزارش می‌دهد که کمتر به اخبار شبانگاهی راه"
            " پیدا می‌کنند، و معمولاً با اتوبوس سفر می‌کند.",
        ),
        ("news", "report"),
    ),
    StaffSpec(
        "parisa-navabi",
        ("Parisa Navabi", "پریسا نوابی"),
        None,
        ("Data editor", "دبیر داده"),
        (
            "Parisa builds the tables behind our reporting and checks every"
            " figure we publish.",
            "پریسا جدول‌های پشت گزارش‌های ما را می‌سازد و هر رقمی را که منتشر"
            " می‌کنیم بررسی می‌کند.",
        ),
        ("analysis",),
    ),
    StaffSpec(
        "babak-yazdani",
        ("Babak Yazdani", "بابک یزدانی"),
        None,
        ("Opinion editor", "دبیر بخش دیدگاه"),
        (
            "Babak edits the opinion pages and writes when he disagrees with"
            " everyone else in them.",
            "بابک صفحه‌های دیدگاه را ویرایش می‌کند و هر وقت با همه نویسندگانش"
            " مخالف باشد، خودش می‌نویسد.",
        ),
        ("opinion",),
    ),
    StaffSpec(
        "mina-jafari",
        ("Mina Jafari", "مینا جعفری"),
        ("Baran", "باران"),
        ("Columnist", "ستون‌نویس"),
        (
            "Mina writes from inside the country under the name Baran. Her"
            " column is about work, family and the small rules of daily life.",
            "مینا از داخل کشور با نام «باران» می‌نویسد. ستون او درباره کار،"
            " خانواده و قاعده‌های کوچک زندگی روزمره است.",
        ),
        ("opinion",),
    ),
    StaffSpec(
        "arash-kazemi",
        ("Arash Kazemi", "آرش کاظمی"),
        None,
        ("Features writer", "نویسنده گزارش‌های ویژه"),
        (
            "Arash writes long reports and longer interviews, and keeps the"
            " recordings.",
            "آرش گزارش‌های بلند و گفت‌وگوهای بلندتر می‌نویسد و همه نوارها را نگه می‌دارد.",
        ),
        ("report", "interview"),
    ),
    StaffSpec(
        "roya-bahrami",
        ("Roya Bahrami", "رویا بهرامی"),
        None,
        ("Human rights reporter", "خبرنگار حقوق بشر"),
        (
            "Roya documents arrests, trials and the families who wait outside"
            " courthouses.",
            "رویا بازداشت‌ها، دادگاه‌ها و خانواده‌هایی را که بیرون دادگاه منتظر"
            " می‌مانند مستند می‌کند.",
        ),
        ("news", "report", "interview"),
    ),
    StaffSpec(
        "siamak-ghorbani",
        ("Siamak Ghorbani", "سیامک قربانی"),
        None,
        ("Political analyst", "تحلیلگر سیاسی"),
        (
            "Siamak taught political science until his course was cancelled."
            " He now explains the decisions behind the news.",
            "سیامک تا پیش از لغو درسش علوم سیاسی تدریس می‌کرد. اکنون تصمیم‌های"
            " پشت خبرها را توضیح می‌دهد.",
        ),
        ("analysis", "opinion"),
    ),
    StaffSpec(
        "taraneh-amini",
        ("Taraneh Amini", "ترانه امینی"),
        ("Mahtab", "مهتاب"),
        ("Cartoonist", "کاریکاتوریست"),
        (
            "Taraneh studied architecture and draws cities that do not work"
            " as planned. She signs as Mahtab.",
            "ترانه معماری خوانده و شهرهایی را می‌کشد که آن‌طور که برنامه‌ریزی"
            " شده بود کار نمی‌کنند. با امضای «مهتاب» می‌کشد.",
        ),
        ("caricature",),
    ),
]

# How each portrait is drawn (see portraits.py). Mina writes from inside the
# country under a pen name, so her page shows no face.
FACES = {
    "leila-karimi": "scarf",
    "dariush-farahani": "bald",
    "nasrin-tabrizi": "long",
    "kaveh-soltani": "curly",
    "shirin-mirzaei": "scarf",
    "omid-rostami": "short",
    "parisa-navabi": "long",
    "babak-yazdani": "short",
    "arash-kazemi": "curly",
    "roya-bahrami": "scarf",
    "siamak-ghorbani": "bald",
    "taraneh-amini": "long",
}


@dataclass(frozen=True)
class FigureSpec:
    """An invented public figure whose statements the demo's pieces report,
    so a newcomer finds a record of what each one said."""

    slug: str
    name: Pair
    role: Pair
    bio: Pair
    aliases: Pair


FIGURES = [
    FigureSpec(
        "kaveh-rostami",
        ("Kaveh Rostami", "کاوه رستمی"),
        ("Minister of Energy", "وزیر نیرو"),
        (
            "Minister of Energy since the last reshuffle; in charge of dams, power"
            " and water rationing.",
            "وزیر نیرو از آخرین ترمیم کابینه؛ مسئول سدها، برق و جیره‌بندی آب.",
        ),
        ("Minister Rostami", "وزیر رستمی"),
    ),
    FigureSpec(
        "shirin-mahdavi",
        ("Shirin Mahdavi", "شیرین مهدوی"),
        ("Governor of the central bank", "رئیس کل بانک مرکزی"),
        (
            "Governor of the central bank; speaks on prices, the currency and"
            " interest rates.",
            "رئیس کل بانک مرکزی؛ درباره قیمت‌ها، ارز و نرخ سود سخن می‌گوید.",
        ),
        ("Governor Mahdavi", "خانم مهدوی"),
    ),
    FigureSpec(
        "hamid-zarrin",
        ("Hamid Zarrin", "حمید زرین"),
        ("Spokesman of the judiciary", "سخنگوی قوه قضاییه"),
        (
            "Spokesman of the judiciary; announces arrests, trials and sentences.",
            "سخنگوی قوه قضاییه؛ بازداشت‌ها، دادگاه‌ها و احکام را اعلام می‌کند.",
        ),
        ("Zarrin", "زرین"),
    ),
    FigureSpec(
        "mina-sohrabi",
        ("Mina Sohrabi", "مینا سهرابی"),
        ("Head of the parliament's budget committee", "رئیس کمیسیون بودجه مجلس"),
        (
            "Chairs the parliament's budget committee and often breaks with the"
            " government on spending.",
            "رئیس کمیسیون بودجه مجلس که بارها در هزینه‌ها با دولت مخالفت کرده است.",
        ),
        ("Sohrabi", "سهرابی"),
    ),
]
