"""Sentences of demo articles in English and Persian, by what they do in a
piece (slots as in `phrases.py`)."""

from __future__ import annotations

Pair = tuple[str, str]

# Sentences grouped by what they do in a piece.
SENTENCES: dict[str, list[Pair]] = {
    "lede": [
        (
            "{Group} in {place} gathered outside the offices of {body} {when},"
            " demanding {demand}.",
            "{group} در {place} {when} مقابل ساختمان {body} تجمع کردند و خواستار"
            " {demand} شدند.",
        ),
        (
            "{Body} announced {action} {when}, after weeks of pressure over {topic}.",
            "{body} {when} پس از هفته‌ها فشار بر سر {topic}، از {action} خبر داد.",
        ),
        (
            "{Measure} in {place} has {changed} by {n} percent over the past"
            " year, according to figures seen by this newspaper.",
            "بر پایه آماری که این روزنامه دیده است، {measure} در {place} طی یک"
            " سال گذشته {n} درصد {changed} یافته است.",
        ),
        (
            "More than {m} people signed a letter {when} asking {body} to act"
            " on {topic}.",
            "بیش از {m} نفر {when} نامه‌ای را امضا کردند و از {body} خواستند"
            " درباره {topic} اقدام کند.",
        ),
    ],
    "scene": [
        (
            "The queue outside the municipal office in {place} starts before dawn.",
            "صف مقابل ساختمان شهرداری {place} پیش از سپیده‌دم شکل می‌گیرد.",
        ),
        (
            "On a grey morning in {place}, {group} are already counting what"
            " they have lost.",
            "در صبحی خاکستری در {place}، {group} از همین حالا مشغول حساب کردن"
            " چیزهایی‌اند که از دست داده‌اند.",
        ),
        (
            "The road into {place} passes shuttered shops and half-finished buildings.",
            "جاده ورودی {place} از کنار مغازه‌های بسته و ساختمان‌های نیمه‌کاره می‌گذرد.",
        ),
        (
            "In {place}, everyone seems to know someone affected by {topic}.",
            "در {place} گویی همه کسی را می‌شناسند که از {topic} آسیب دیده است.",
        ),
    ],
    "context": [
        (
            "The problem is not new, but it has never been this visible.",
            "این مشکل تازه نیست، اما هیچ‌گاه تا این اندازه به چشم نیامده بود.",
        ),
        (
            "Official reports last year described the situation as stable.",
            "گزارش‌های رسمی سال گذشته وضعیت را پایدار توصیف کرده بودند.",
        ),
        (
            "{Place}, a town of farmers and small traders, has seen little"
            " investment in a decade.",
            "{place}، شهری از کشاورزان و کاسبان خرده‌پا، در یک دهه گذشته"
            " سرمایه‌گذاری چندانی به خود ندیده است.",
        ),
        (
            "Anger over {topic} has been building for months.",
            "خشم از {topic} ماه‌هاست که بالا گرفته است.",
        ),
        (
            "Residents say the first signs appeared last winter, long before"
            " officials acknowledged the problem.",
            "اهالی می‌گویند نخستین نشانه‌ها زمستان گذشته پیدا شد، مدت‌ها پیش از"
            " آنکه مسئولان مشکل را بپذیرند.",
        ),
        (
            "{Body} has not published detailed figures since the spring.",
            "{body} از بهار تاکنون آمار دقیقی منتشر نکرده است.",
        ),
        (
            "Similar complaints have been reported in at least {k} other cities.",
            "شکایت‌های مشابهی دست‌کم در {k} شهر دیگر نیز گزارش شده است.",
        ),
        (
            "Local journalists who covered the story say they were told to"
            " soften their reports.",
            "روزنامه‌نگاران محلی که این موضوع را پوشش داده‌اند می‌گویند از آنها"
            " خواسته شده لحن گزارش‌هایشان را ملایم کنند.",
        ),
        (
            "Independent experts have long warned that {topic} would hit"
            " {group} hardest.",
            "کارشناسان مستقل مدت‌هاست هشدار داده‌اند که {topic} بیش از همه به"
            " {group} آسیب می‌زند.",
        ),
    ],
    "detail": [
        (
            "In the neighbourhoods of {place}, the effects are visible on every"
            " street.",
            "در محله‌های {place}، آثار این وضعیت در هر خیابانی پیداست.",
        ),
        (
            "A survey of {m} households found that two in three had been affected.",
            "نظرسنجی از {m} خانوار نشان داد که از هر سه خانوار، دو خانوار آسیب"
            " دیده‌اند.",
        ),
        (
            "Meetings between {group} and officials have so far produced only"
            " promises.",
            "دیدارهای {group} با مسئولان تاکنون جز وعده نتیجه‌ای نداشته است.",
        ),
        (
            "Several residents spoke on condition of anonymity, fearing reprisals.",
            "چند نفر از اهالی از ترس پیامدها، به شرط فاش نشدن نامشان با ما"
            " گفت‌وگو کردند.",
        ),
        (
            "Messages shared in local groups repeat the same complaint again and"
            " again.",
            "پیام‌هایی که در گروه‌های محلی دست‌به‌دست می‌شود همان شکایت را بارها"
            " تکرار می‌کند.",
        ),
        (
            "Officials have offered no timetable.",
            "مسئولان هیچ زمان‌بندی مشخصی ارائه نکرده‌اند.",
        ),
    ],
    "reaction": [
        (
            "In a statement, {body} blamed {topic} on factors beyond its control.",
            "{body} در بیانیه‌ای {topic} را به عواملی خارج از اختیار خود نسبت داد.",
        ),
        (
            "A local member of parliament promised to raise the matter in the capital.",
            "یکی از نمایندگان محلی مجلس وعده داد موضوع را در پایتخت پیگیری کند.",
        ),
        (
            "State media have barely covered the story.",
            "رسانه‌های دولتی تقریباً به این موضوع نپرداخته‌اند.",
        ),
        (
            "{Body} did not respond to a request for comment.",
            "{body} به درخواست این روزنامه برای اظهارنظر پاسخی نداد.",
        ),
        (
            "A spokesperson for {body} said the situation was under review.",
            "سخنگوی {body} گفت وضعیت در دست بررسی است.",
        ),
        (
            "Critics called the official response too little, too late.",
            "منتقدان واکنش رسمی را ناکافی و دیرهنگام خواندند.",
        ),
    ],
    "outlook": [
        (
            "{Body} says a final decision will come before the end of the month.",
            "{body} می‌گوید تصمیم نهایی پیش از پایان ماه گرفته می‌شود.",
        ),
        (
            "Few people in {place} expect the promises to be kept.",
            "کمتر کسی در {place} انتظار دارد این وعده‌ها عملی شود.",
        ),
        (
            "This newspaper will keep following the story.",
            "این روزنامه پیگیر این موضوع خواهد بود.",
        ),
        (
            "{Group} have said they will gather again next week if nothing changes.",
            "{group} گفته‌اند اگر چیزی تغییر نکند، هفته آینده دوباره تجمع می‌کنند.",
        ),
        (
            "The city council of {place} is due to discuss the matter at its"
            " next session.",
            "شورای شهر {place} قرار است در جلسه آینده به این موضوع بپردازد.",
        ),
        (
            "For now, many in {place} are preparing for a difficult season.",
            "فعلاً بسیاری در {place} خود را برای فصلی دشوار آماده می‌کنند.",
        ),
    ],
    "argument": [
        ("Patience is not a policy.", "صبر سیاست نیست."),
        (
            "Those in charge should spend a week in {place} before their next"
            " announcement.",
            "مسئولان پیش از اعلام تصمیم بعدی، یک هفته را در {place} بگذرانند.",
        ),
        (
            "We do not need another committee; we need answers.",
            "به کمیته‌ای دیگر نیاز نداریم؛ به پاسخ نیاز داریم.",
        ),
        (
            "It is tempting to treat {topic} as bad luck. It is not.",
            "وسوسه‌انگیز است که {topic} را بدشانسی بدانیم. اما این‌طور نیست.",
        ),
        (
            "Every year we are told that the crisis is temporary, and every"
            " year it returns.",
            "هر سال به ما می‌گویند بحران موقتی است و هر سال دوباره برمی‌گردد.",
        ),
        (
            "Those who pay the price are rarely those who made the decisions.",
            "کسانی که بهایش را می‌پردازند به‌ندرت همان‌هایی‌اند که تصمیم گرفته‌اند.",
        ),
        (
            "A society that cannot talk openly about its problems cannot solve them.",
            "جامعه‌ای که نتواند آزادانه درباره مشکلاتش حرف بزند، نمی‌تواند آنها"
            " را حل کند.",
        ),
        (
            "{Action} sounds sensible on paper, but people do not live on paper.",
            "{action} روی کاغذ معقول به نظر می‌رسد، اما مردم روی کاغذ زندگی نمی‌کنند.",
        ),
        (
            "The first step is simple: publish the numbers and let people judge.",
            "گام نخست ساده است: آمار را منتشر کنید و بگذارید مردم قضاوت کنند.",
        ),
        (
            "We owe {group} more than sympathy; we owe them a hearing.",
            "ما به {group} بیش از همدردی بدهکاریم؛ باید صدایشان را بشنویم.",
        ),
        (
            "History will not ask who was in charge; it will ask who spoke up.",
            "تاریخ نمی‌پرسد چه کسی مسئول بود؛ می‌پرسد چه کسی سکوت را شکست.",
        ),
    ],
    "analysis": [
        (
            "Money is part of the answer: the relevant budget line has shrunk in"
            " each of the last three years.",
            "بخشی از پاسخ پول است: ردیف بودجه مربوط در هر یک از سه سال گذشته"
            " کوچک‌تر شده است.",
        ),
        (
            "Trust matters too: few people still believe the official figures.",
            "اعتماد هم مهم است: کمتر کسی هنوز به آمار رسمی باور دارد.",
        ),
        (
            "Neighbouring provinces show the same pattern, only milder.",
            "استان‌های همسایه همین الگو را نشان می‌دهند، تنها با شدتی کمتر.",
        ),
        (
            "To understand {topic}, it helps to start with the budget.",
            "برای فهم {topic}، بهتر است از بودجه شروع کنیم.",
        ),
        (
            "Three factors explain most of the change.",
            "سه عامل بیشتر این تغییر را توضیح می‌دهد.",
        ),
        (
            "{Measure} has {changed} by {n} percent in twelve months, the"
            " sharpest move in a decade.",
            "{measure} در دوازده ماه {n} درصد {changed} یافته که شدیدترین تغییر"
            " در یک دهه است.",
        ),
        (
            "The burden falls unevenly: {group} carry a far larger share than others.",
            "این بار به‌طور یکسان تقسیم نشده است: سهم {group} بسیار بیشتر از"
            " دیگران است.",
        ),
        (
            "Official statistics and independent estimates differ by as much as"
            " {k} points.",
            "آمار رسمی و برآوردهای مستقل تا {k} واحد با هم اختلاف دارند.",
        ),
        (
            "None of this was inevitable; most of it was predicted.",
            "هیچ‌یک از اینها ناگزیر نبود؛ بیشترش پیش‌بینی شده بود.",
        ),
    ],
}
