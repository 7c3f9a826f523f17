"""What reporters found on each story: sentences that belong to one topic
only, in English and Persian, keyed by `Topic.key`."""

from __future__ import annotations

Pair = tuple[str, str]

FACTS: dict[str, list[Pair]] = {
    "water": [
        (
            "Wells that once reached water at 40 metres now have to go twice as deep.",
            "چاه‌هایی که روزگاری در عمق 40 متری به آب می‌رسیدند، اکنون باید دو"
            " برابر عمیق‌تر حفر شوند.",
        ),
        (
            "In several villages, tankers now deliver drinking water twice a week.",
            "در چند روستا، تانکرها اکنون هفته‌ای دو بار آب آشامیدنی می‌آورند.",
        ),
        (
            "Farmers say they have left a third of their fields unplanted this season.",
            "کشاورزان می‌گویند این فصل یک‌سوم زمین‌هایشان را نکاشته‌اند.",
        ),
    ],
    "power": [
        (
            "Shopkeepers on the main bazaar street say trade has halved since"
            " the summer.",
            "مغازه‌داران راسته اصلی بازار می‌گویند کسب‌وکارشان از تابستان نصف شده است.",
        ),
        (
            "Small workshops run generators for hours each day, at a cost many"
            " cannot bear.",
            "کارگاه‌های کوچک هر روز ساعت‌ها ژنراتور روشن می‌کنند؛ هزینه‌ای که"
            " بسیاری از پس آن برنمی‌آیند.",
        ),
        (
            "Traffic lights go dark with each cut, and so do the lifts in"
            " apartment blocks.",
            "با هر قطعی، چراغ‌های راهنمایی و آسانسورهای ساختمان‌ها هم از کار می‌افتند.",
        ),
    ],
    "prices": [
        (
            "Some families have cut back on meals; others have borrowed from"
            " relatives.",
            "برخی خانواده‌ها وعده‌های غذایی‌شان را کم کرده‌اند و برخی دیگر از"
            " خویشاوندان قرض گرفته‌اند.",
        ),
        (
            "Bakers say the price of flour has changed four times since the spring.",
            "نانوایان می‌گویند قیمت آرد از بهار تاکنون چهار بار تغییر کرده است.",
        ),
        (
            "Meat has disappeared from many tables; lentils and rice have taken"
            " its place.",
            "گوشت از سفره بسیاری از خانواده‌ها حذف شده و عدس و برنج جایش را گرفته است.",
        ),
    ],
    "internet": [
        (
            "Students say a monthly VPN subscription now costs more than a textbook.",
            "دانشجویان می‌گویند هزینه ماهانه فیلترشکن اکنون از قیمت یک کتاب درسی"
            " بیشتر است.",
        ),
        (
            "Online shops that relied on blocked platforms have lost most of"
            " their customers.",
            "فروشگاه‌های آنلاینی که به پلتفرم‌های مسدودشده وابسته بودند بیشتر"
            " مشتریانشان را از دست داده‌اند.",
        ),
        (
            "Connections slow to a crawl in the evenings, when most people are"
            " at home.",
            "سرعت اینترنت عصرها، وقتی بیشتر مردم در خانه‌اند، به‌شدت پایین می‌آید.",
        ),
    ],
    "press": [
        (
            "Two local weeklies have stopped printing since the summer.",
            "دو هفته‌نامه محلی از تابستان چاپ نسخه کاغذی را متوقف کرده‌اند.",
        ),
        (
            "Reporters say they were summoned for questioning after publishing"
            " unemployment figures.",
            "خبرنگاران می‌گویند پس از انتشار آمار بیکاری برای بازجویی احضار شده‌اند.",
        ),
        (
            "Editors now send every page to a lawyer before it goes to print.",
            "سردبیران اکنون پیش از چاپ، همه صفحه‌ها را برای وکیل می‌فرستند.",
        ),
    ],
    "air": [
        (
            "The local hospital reported more admissions, though it gave no numbers.",
            "بیمارستان محلی از افزایش مراجعه‌ها خبر داد، اما رقمی اعلام نکرد.",
        ),
        (
            "Schools have switched to online classes on the worst days.",
            "مدارس در آلوده‌ترین روزها کلاس‌ها را مجازی برگزار می‌کنند.",
        ),
        (
            "On some mornings the mountains north of the city vanish from view.",
            "بعضی صبح‌ها کوه‌های شمال شهر به‌کلی از دید پنهان می‌شوند.",
        ),
    ],
    "housing": [
        (
            "Landlords now ask for a year's rent in advance, tenants say.",
            "به گفته مستأجران، صاحبخانه‌ها اکنون اجاره یک سال را پیشاپیش می‌خواهند.",
        ),
        (
            "Families are moving to the edges of the city, adding hours to"
            " their commute.",
            "خانواده‌ها به حاشیه شهر کوچ می‌کنند و ساعت‌ها به زمان رفت‌وآمدشان"
            " افزوده می‌شود.",
        ),
        (
            "Estate agents say some flats change hands without ever being advertised.",
            "بنگاه‌داران می‌گویند برخی آپارتمان‌ها بی هیچ آگهی‌ای دست‌به‌دست می‌شوند.",
        ),
    ],
    "medicine": [
        (
            "Pharmacists keep lists of patients waiting for insulin.",
            "داروسازان فهرستی از بیمارانی که منتظر انسولین‌اند نگه می‌دارند.",
        ),
        (
            "Some patients travel to three or four cities to fill a single"
            " prescription.",
            "برخی بیماران برای پیدا کردن داروی یک نسخه به سه یا چهار شهر سفر می‌کنند.",
        ),
        (
            "Prices on the informal market are several times the official rate.",
            "قیمت‌ها در بازار غیررسمی چند برابر نرخ رسمی است.",
        ),
    ],
    "teachers": [
        (
            "Many teachers hold a second job, driving taxis or tutoring in the"
            " evenings.",
            "بسیاری از معلمان شغل دوم دارند؛ عصرها مسافرکشی می‌کنند یا تدریس خصوصی.",
        ),
        (
            "Classes of forty pupils have become common in the poorer districts.",
            "کلاس‌های چهل‌نفره در محله‌های فقیرتر عادی شده است.",
        ),
        (
            "Teachers who joined the last sit-in say their pay was docked.",
            "معلمانی که در تحصن قبلی شرکت کردند می‌گویند از حقوقشان کسر شده است.",
        ),
    ],
    "heat": [
        (
            "Work on building sites stops only when someone collapses, workers say.",
            "کارگران می‌گویند کار در کارگاه‌های ساختمانی فقط وقتی متوقف می‌شود"
            " که کسی از پا بیفتد.",
        ),
        (
            "Government offices closed early on several days to save electricity.",
            "ادارات دولتی چند روز زودتر تعطیل شدند تا در مصرف برق صرفه‌جویی شود.",
        ),
        (
            "The local hospital reported more admissions, though it gave no numbers.",
            "بیمارستان محلی از افزایش مراجعه‌ها خبر داد، اما رقمی اعلام نکرد.",
        ),
    ],
    "mill": [
        (
            "The mill's gates have been chained since the last shift left.",
            "درهای کارخانه از زمان رفتن آخرین شیفت با زنجیر بسته شده است.",
        ),
        (
            "Workers have not been paid for five months.",
            "کارگران پنج ماه است حقوق نگرفته‌اند.",
        ),
        (
            "The town's shops, which lived on the mill's wages, are closing one"
            " by one.",
            "مغازه‌های شهر که به دستمزد کارگران کارخانه وابسته بودند یکی‌یکی"
            " تعطیل می‌شوند.",
        ),
    ],
    "transport": [
        (
            "Some commuters now walk an hour each way to save the fare.",
            "برخی مسافران اکنون برای صرفه‌جویی در کرایه، هر مسیر را یک ساعت"
            " پیاده می‌روند.",
        ),
        (
            "Buses on the busiest routes run every forty minutes at best.",
            "اتوبوس‌های شلوغ‌ترین خطوط در بهترین حالت هر چهل دقیقه یک بار می‌آیند.",
        ),
        (
            "Drivers say half the fleet is waiting for spare parts.",
            "رانندگان می‌گویند نیمی از ناوگان در انتظار قطعات یدکی است.",
        ),
    ],
    "pensions": [
        (
            "Pensions have arrived late three months in a row.",
            "مستمری‌ها سه ماه پشت سر هم با تأخیر پرداخت شده است.",
        ),
        (
            "Many pensioners have gone back to work, in shops or as night watchmen.",
            "بسیاری از بازنشستگان دوباره سر کار رفته‌اند؛ در مغازه‌ها یا"
            " به‌عنوان نگهبان شب.",
        ),
        (
            "The fund has borrowed from banks to pay this month's pensions.",
            "صندوق برای پرداخت مستمری این ماه از بانک‌ها وام گرفته است.",
        ),
    ],
    "refugees": [
        (
            "Children born in the country have been turned away from schools.",
            "کودکانی که در همین کشور به دنیا آمده‌اند از ثبت‌نام در مدرسه بازمانده‌اند.",
        ),
        (
            "Families describe raids at night and papers torn up at checkpoints.",
            "خانواده‌ها از یورش‌های شبانه و پاره شدن مدارکشان در ایست‌های بازرسی می‌گویند.",
        ),
        (
            "Employers who hired refugees have been fined.",
            "کارفرمایانی که پناه‌جویان را به کار گرفته بودند جریمه شده‌اند.",
        ),
    ],
    "books": [
        (
            "Some manuscripts have waited more than a year for a permit.",
            "برخی دست‌نوشته‌ها بیش از یک سال در انتظار مجوز مانده‌اند.",
        ),
        (
            "Publishers say they are asked to remove whole chapters.",
            "ناشران می‌گویند از آنها خواسته می‌شود فصل‌هایی کامل را حذف کنند.",
        ),
        (
            "Several bookshops in the old quarter have closed this year.",
            "چند کتاب‌فروشی در محله قدیمی شهر امسال تعطیل شده‌اند.",
        ),
    ],
    "universities": [
        (
            "Applicants ranked in the top thousand were still refused a place.",
            "داوطلبانی که رتبه زیر هزار داشتند باز هم پذیرفته نشدند.",
        ),
        (
            "Parents have formed a group to compare results and file complaints.",
            "والدین گروهی تشکیل داده‌اند تا نتایج را مقایسه کنند و شکایت ثبت کنند.",
        ),
        (
            "Lists of admitted students came out late and without explanation.",
            "فهرست پذیرفته‌شدگان با تأخیر و بی هیچ توضیحی منتشر شد.",
        ),
    ],
}
