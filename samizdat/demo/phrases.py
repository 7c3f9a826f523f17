"""Sentence templates of the demo publication, in English and Persian.

Slots: {place} {topic} {group} {body} {measure} {demand} {action} {when}
{changed} {updown} {n} (a percentage) {k} (a small count) {m} (households)
{speaker} {speaker_role}. A capitalised slot ({Topic}) starts an English
sentence; a slot ending in _h drops the English article for headlines."""

from __future__ import annotations

Pair = tuple[str, str]

HEADLINES: dict[str, list[Pair]] = {
    "news": [
        (
            "{Group} in {place} protest over {topic_h}",
            "تجمع {group} در {place} در اعتراض به {topic}",
        ),
        (
            "{Body_h} announces {action_h} as {topic_h} deepens",
            "{action}؛ پاسخ {body} به تشدید {topic}",
        ),
        (
            "{Measure_h} {updown} {n}% in a year, figures show",
            "آمارها: {measure} در یک سال {n} درصد {updown} یافت",
        ),
        (
            "{Group} say they were not consulted on {action_h}",
            "{group}: درباره {action} با ما مشورت نشد",
        ),
        (
            "Officials in {place} promise answers on {topic_h}",
            "وعده مسئولان {place} برای پاسخ‌گویی درباره {topic}",
        ),
        (
            "{Group} march to the governor's office in {place}",
            "راهپیمایی {group} تا فرمانداری {place}",
        ),
        (
            "{Body_h} denies reports on {topic_h}",
            "{body} گزارش‌ها درباره {topic} را تکذیب کرد",
        ),
        (
            "{Topic_h} reaches {place} as {group} wait for help",
            "{topic} به {place} رسید؛ {group} چشم‌انتظار کمک‌اند",
        ),
        (
            "Second week of gatherings over {topic_h} in {place}",
            "دومین هفته تجمع‌ها در {place} بر سر {topic}",
        ),
        (
            "Residents of {place} say {topic_h} is getting worse",
            "اهالی {place}: {topic} بدتر می‌شود",
        ),
        (
            "{Body_h} under pressure over {topic_h}",
            "فشارها بر {body} بر سر {topic} بالا گرفت",
        ),
        (
            "{Group} in {place} hold sit-in demanding {demand_h}",
            "تحصن {group} در {place} برای {demand}",
        ),
    ],
    "opinion": [
        (
            "We cannot keep pretending {topic} will fix itself",
            "نمی‌توانیم وانمود کنیم که {topic} خودبه‌خود حل می‌شود",
        ),
        (
            "Why {group} deserve to be heard on {topic}",
            "چرا باید صدای {group} را درباره {topic} شنید",
        ),
        (
            "{Topic_h} is a political choice, not a natural disaster",
            "{topic} یک انتخاب سیاسی است، نه بلای طبیعی",
        ),
        (
            "The silence around {topic} costs more than the truth",
            "سکوت درباره {topic} گران‌تر از حقیقت تمام می‌شود",
        ),
        (
            "What {place} teaches us about {topic}",
            "آنچه {place} درباره {topic} به ما می‌آموزد",
        ),
        (
            "Stop blaming {group} for {topic}",
            "{group} را مقصر {topic} ندانید",
        ),
        (
            "{Action_h} is not a plan, it is a delay",
            "{action} برنامه نیست، وقت‌کشی است",
        ),
        (
            "A letter to the people who decide on {topic}",
            "نامه‌ای به کسانی که درباره {topic} تصمیم می‌گیرند",
        ),
        (
            "Listen to {group} before it is too late",
            "پیش از آنکه دیر شود، به {group} گوش دهید",
        ),
        ("The truth about {topic} is no secret", "حقیقت {topic} راز نیست"),
    ],
    "analysis": [
        ("Five questions about {topic}", "پنج پرسش درباره {topic}"),
        ("Three reasons {topic} is getting worse", "سه دلیل بدتر شدن {topic}"),
        (
            "How {topic} changed daily life in {place}",
            "{topic} چگونه زندگی روزمره در {place} را تغییر داد",
        ),
        (
            "What the numbers say about {topic}",
            "آمارها درباره {topic} چه می‌گویند",
        ),
        ("Who pays for {topic}?", "هزینه {topic} را چه کسی می‌پردازد؟"),
        (
            "{Topic_h}: what has changed since the spring",
            "{topic}: از بهار تا امروز چه تغییر کرده است؟",
        ),
        (
            "Why {action_h} may not be enough",
            "چرا {action} ممکن است کافی نباشد",
        ),
        (
            "{Measure_h} and the limits of official figures",
            "{measure} و محدودیت‌های آمار رسمی",
        ),
    ],
    "report": [
        (
            "In {place}, {group} count the cost of {topic}",
            "در {place}، {group} هزینه {topic} را می‌شمارند",
        ),
        ("A week with {group} in {place}", "یک هفته با {group} در {place}"),
        (
            "Waiting in {place}: a day in the life of {group}",
            "انتظار در {place}: یک روز از زندگی {group}",
        ),
        (
            "Inside {place}'s long fight with {topic}",
            "نبرد طولانی مردم {place} با {topic}",
        ),
        (
            "Long days, short answers: {topic} seen from {place}",
            "روزهای بلند، پاسخ‌های کوتاه: {topic} از نگاه مردم {place}",
        ),
        (
            "The quiet toll of {topic} on {group}",
            "بهای پنهانی که {group} برای {topic} می‌پردازند",
        ),
        (
            "The road to {place}, where {topic} is everyday life",
            "جاده {place}؛ جایی که {topic} بخشی از زندگی روزمره است",
        ),
    ],
    "interview": [
        (
            "‘{slogan}’: {speaker} on {topic}",
            "«{slogan}»؛ گفت‌وگو با {speaker} درباره {topic}",
        ),
        (
            "In conversation with {speaker}, {speaker_role}",
            "گفت‌وگو با {speaker}، {speaker_role}",
        ),
        (
            "{speaker}: what {topic} has taught me",
            "{speaker}: آنچه {topic} به من آموخت",
        ),
    ],
}

SLOGANS: list[Pair] = [
    ("We are tired of promises", "از وعده‌ها خسته‌ایم"),
    ("Nobody asked us", "کسی از ما نپرسید"),
    ("The numbers do not lie", "اعداد دروغ نمی‌گویند"),
    ("We want to know the truth", "می‌خواهیم حقیقت را بدانیم"),
    ("This could have been prevented", "می‌شد جلویش را گرفت"),
    ("We will not stay silent", "ساکت نمی‌مانیم"),
]

STANDFIRSTS: dict[str, list[Pair]] = {
    "news": [
        (
            "{Group} say {topic} has become unbearable, while {body} promises"
            " {action}.",
            "{group} می‌گویند {topic} غیرقابل‌تحمل شده است و {body} وعده {action} می‌دهد.",
        ),
        (
            "Figures show {measure} has {changed} by {n} percent; officials in"
            " {place} have yet to explain why.",
            "آمارها نشان می‌دهد {measure} {n} درصد {changed} یافته است؛ مسئولان"
            " {place} هنوز توضیحی نداده‌اند.",
        ),
        (
            "Residents of {place} say the official response to {topic} came"
            " late and left out those most affected.",
            "اهالی {place} می‌گویند واکنش رسمی به {topic} دیر رسید و"
            " آسیب‌دیدگان اصلی را نادیده گرفت.",
        ),
    ],
    "opinion": [
        (
            "The debate over {topic} is really a debate about who gets to speak.",
            "بحث بر سر {topic} در واقع بحث بر سر این است که چه کسی حق حرف زدن دارد.",
        ),
        (
            "{Action} will fail unless it starts by listening to {group}.",
            "{action} شکست می‌خورد، مگر آنکه با شنیدن صدای {group} آغاز شود.",
        ),
    ],
    "analysis": [
        (
            "A close look at the figures shows who carries the burden of"
            " {topic}, and why it keeps growing.",
            "نگاهی دقیق به آمارها نشان می‌دهد بار {topic} بر دوش چه کسانی است و"
            " چرا سنگین‌تر می‌شود.",
        ),
        (
            "{Measure} has {changed} by {n} percent in a year. Here is what"
            " lies behind the number.",
            "{measure} در یک سال {n} درصد {changed} یافته است. پشت این عدد چه"
            " چیزی نهفته است؟",
        ),
    ],
    "report": [
        (
            "Our reporter spent a week in {place}, where {group} live with"
            " {topic} every day.",
            "خبرنگار ما یک هفته در {place} گذراند؛ جایی که {group} هر روز با"
            " {topic} زندگی می‌کنند.",
        ),
        (
            "In {place}, {topic} is not a headline but a daily routine.",
            "در {place}، {topic} تیتر خبر نیست؛ بخشی از زندگی هر روز است.",
        ),
    ],
    "interview": [
        (
            "{speaker}, {speaker_role}, explains what {topic} means for"
            " {group} and what should happen next.",
            "{speaker}، {speaker_role}، توضیح می‌دهد {topic} برای {group} چه"
            " معنایی دارد و چه باید کرد.",
        ),
    ],
}

SUBHEADINGS: list[Pair] = [
    ("What happened", "چه اتفاقی افتاد"),
    ("A long wait", "انتظاری طولانی"),
    ("The official answer", "پاسخ رسمی"),
    ("Voices from {place}", "صداهایی از {place}"),
    ("Behind the numbers", "پشت آمارها"),
    ("Who decides", "چه کسی تصمیم می‌گیرد"),
    ("What comes next", "بعد چه می‌شود"),
    ("A question of trust", "مسئله اعتماد"),
    ("The cost for families", "هزینه برای خانواده‌ها"),
    ("Promises and delays", "وعده‌ها و تأخیرها"),
    ("Across the province", "در سراسر استان"),
    ("An old problem", "مشکلی قدیمی"),
    ("What the law says", "قانون چه می‌گوید"),
    ("The view from the street", "از نگاه مردم کوچه و بازار"),
    ("Silence from above", "سکوت از بالا"),
    ("Hope, with conditions", "امید، با شرط و شروط"),
    ("What needs to change", "چه باید تغییر کند"),
]

# Quotations by who says them.
QUOTES: dict[str, list[Pair]] = {
    "witness": [
        (
            "We have been waiting for an answer for months, and every week"
            " things get worse.",
            "ماه‌هاست منتظر پاسخیم و هر هفته اوضاع بدتر می‌شود.",
        ),
        (
            "Nobody came to ask us what we need. They decided for us, as always.",
            "کسی نیامد از ما بپرسد چه نیاز داریم. مثل همیشه به جای ما تصمیم گرفتند.",
        ),
        (
            "The figures they publish do not match what we see in {place}.",
            "آمارهایی که منتشر می‌کنند با آنچه ما در {place} می‌بینیم جور درنمی‌آید.",
        ),
        (
            "We are not asking for favours. We are asking for {demand}.",
            "ما لطف نمی‌خواهیم. ما خواستار {demand} هستیم.",
        ),
        (
            "My children ask me why things are like this, and I do not know"
            " what to tell them.",
            "بچه‌هایم می‌پرسند چرا اوضاع این‌طور است و نمی‌دانم چه جوابی بدهم.",
        ),
        (
            "People here are patient, but patience has limits.",
            "مردم اینجا صبورند، اما صبر هم حدی دارد.",
        ),
        (
            "Every official who visited promised something. None of them came back.",
            "هر مسئولی که آمد وعده‌ای داد. هیچ‌کدام برنگشتند.",
        ),
        (
            "We have had {k} meetings with the authorities and nothing has changed.",
            "{k} جلسه با مسئولان داشته‌ایم و هیچ چیز تغییر نکرده است.",
        ),
        (
            "We want to know where the decisions are made and who makes them.",
            "می‌خواهیم بدانیم تصمیم‌ها کجا و به دست چه کسانی گرفته می‌شود.",
        ),
    ],
    "expert": [
        (
            "The data point one way: {measure} has {changed} by {n} percent in a year.",
            "داده‌ها یک جهت را نشان می‌دهند: {measure} در یک سال {n} درصد"
            " {changed} یافته است.",
        ),
        (
            "The problem is not a lack of money; it is a lack of planning.",
            "مشکل کمبود پول نیست؛ کمبود برنامه‌ریزی است.",
        ),
        (
            "The law is clear. What is missing is the will to apply it.",
            "قانون روشن است. آنچه کم است اراده اجرای آن است.",
        ),
        (
            "If {topic} is not taken seriously now, the bill will come later,"
            " and it will be larger.",
            "اگر {topic} همین حالا جدی گرفته نشود، صورت‌حسابش بعداً می‌رسد و"
            " سنگین‌تر هم خواهد بود.",
        ),
        (
            "{Action} is a first step, but only if it is carried out honestly.",
            "{action} گام نخست است، به شرط آنکه صادقانه اجرا شود.",
        ),
    ],
    "official": [
        (
            "The situation is under control and the necessary measures have"
            " been taken.",
            "اوضاع تحت کنترل است و اقدامات لازم انجام شده است.",
        ),
        (
            "We understand the concerns of {group} and we are working on {action}.",
            "نگرانی‌های {group} را درک می‌کنیم و روی {action} کار می‌کنیم.",
        ),
        (
            "Some of the figures circulating on social media are exaggerated.",
            "برخی از آمارهایی که در شبکه‌های اجتماعی دست‌به‌دست می‌شود اغراق‌آمیز است.",
        ),
    ],
}

QUESTIONS: list[Pair] = [
    ("When did you first notice the problem?", "نخستین بار کی متوجه این مشکل شدید؟"),
    (
        "What has changed for {group} in the past year?",
        "در یک سال گذشته برای {group} چه تغییری کرده است؟",
    ),
    ("Who is responsible, in your view?", "به نظر شما چه کسی مسئول است؟"),
    ("Have the authorities contacted you?", "آیا مسئولان با شما تماس گرفته‌اند؟"),
    (
        "What do you say to those who call this exaggerated?",
        "به کسانی که می‌گویند این موضوع اغراق‌آمیز است چه می‌گویید؟",
    ),
    (
        "Are you not afraid to speak publicly?",
        "از اینکه علنی صحبت می‌کنید نمی‌ترسید؟",
    ),
    ("What would a real solution look like?", "یک راه‌حل واقعی چه شکلی دارد؟"),
    ("Is {action} enough?", "آیا {action} کافی است؟"),
    ("What gives you hope?", "چه چیزی به شما امید می‌دهد؟"),
]

INTERVIEW_INTRO: Pair = (
    "{speaker}, {speaker_role}, has followed {topic} closely for years. We"
    " spoke about what has changed and what has not. The conversation has"
    " been edited for length.",
    "{speaker}، {speaker_role}، سال‌هاست {topic} را از نزدیک دنبال می‌کند."
    " با او درباره آنچه تغییر کرده و آنچه تغییر نکرده گفت‌وگو کردیم. این"
    " گفت‌وگو برای کوتاه شدن ویرایش شده است.",
)

CORRECTION: Pair = (
    "An earlier version of this article misspelled the name of {speaker}.",
    "در نسخه پیشین این مطلب، نام {speaker} نادرست نوشته شده بود.",
)

CARTOON_TITLES: dict[str, list[Pair]] = {
    "tap": [("Last drop", "آخرین قطره"), ("Summer supply", "ذخیره تابستان")],
    "bulb": [("Lights out", "چراغ خاموش"), ("Bright ideas", "ایده‌های درخشان")],
    "cart": [("Shopping list", "فهرست خرید"), ("Full basket", "سبد پر")],
    "padlock": [("Connection lost", "اتصال قطع شد"), ("Safe browsing", "وب‌گردی امن")],
    "newspaper": [("Today's edition", "چاپ امروز"), ("Approved news", "خبر مجاز")],
    "cloud": [("Fresh air", "هوای تازه"), ("Forecast", "پیش‌بینی هوا")],
    "house": [("Key to the city", "کلید شهر"), ("Moving day", "روز اسباب‌کشی")],
    "pill": [("Prescription", "نسخه"), ("Waiting room", "اتاق انتظار")],
    "megaphone": [
        ("Raise your voice", "صدایت را بلند کن"),
        ("Roll call", "حضور و غیاب"),
    ],
    "sun": [("Summer plans", "برنامه تابستان"), ("Cool heads", "خونسردی")],
    "factory": [("Closing time", "وقت تعطیلی"), ("Shift change", "تعویض شیفت")],
    "bus": [("Next stop", "ایستگاه بعد"), ("Last bus", "آخرین اتوبوس")],
    "wallet": [("Pay day", "روز حقوق"), ("Savings", "پس‌انداز")],
    "suitcase": [("Papers, please", "مدارک لطفاً"), ("One-way ticket", "بلیت یک‌طرفه")],
    "book": [
        ("Edited for you", "ویرایش‌شده برای شما"),
        ("Permit pending", "در انتظار مجوز"),
    ],
}
CARTOON_CAPTIONS: list[Pair] = [
    (
        "On {topic}, and the promises that came with it.",
        "درباره {topic} و وعده‌هایی که همراهش آمد.",
    ),
    ("{Topic}, as seen from the queue.", "{topic}، از نگاه صف."),
    ("A week of {topic}, in one picture.", "یک هفته {topic} در یک تصویر."),
    (
        "{Body} presents {action}. The public listens.",
        "{body} {action} را معرفی می‌کند. مردم گوش می‌دهند.",
    ),
]
