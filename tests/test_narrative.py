"""Narrative facts: the sample, the real corpus against its truth, and hand-written sentences."""

from __future__ import annotations

import random
import re

import pytest

from disclosure_metrics import parse_file
from disclosure_metrics.narrative import (
    Fact,
    chinese_number,
    counts,
    explain_facts,
    extract_facts,
)
from disclosure_metrics.narrative_score import SCORED_METRICS, load_truth, score, score_corpus

from .conftest import SAMPLE, corpus_or_skip

Row = tuple[str, str, float, str, str]


def _rows(facts: list[Fact], scored_only: bool = False) -> list[Row]:
    return [
        (f.metric, f.channel, f.value, f.qualifier, f.unit)
        for f in facts
        if not scored_only or f.metric in SCORED_METRICS
    ]


def _facts(text: str, year: int | None = 2021, agency: str | None = None) -> list[Row]:
    return _rows(extract_facts({"overview": text}, year, agency=agency))


def _assert_read(text: str, year: int, present: tuple | None, absent: tuple | None) -> None:
    """``present`` (metric, channel, value) is among the facts read from ``text``, and
    ``absent`` is not (either may be None)."""
    rows = [f[:3] for f in _facts(text, year)]
    assert present is None or present in rows
    assert absent is None or absent not in rows


# --- (a) the product's sample --------------------------------------------------------------


def test_sample_yields_exactly_its_facts() -> None:
    report = parse_file(SAMPLE)
    assert sorted(_rows(report.narrative, scored_only=True)) == sorted(
        [
            ("items_published", "website", 50, "more_than", "条"),
            ("items_published", "wechat_official", 400, "more_than", "条"),
            ("items_published", "wechat_group", 3000, "more_than", "条"),
            ("items_published", "offline_board", 800, "more_than", "条"),
            ("hotline_received", "hotline", 35, "exact", "条"),
            ("hotline_resolved", "hotline", 35, "exact", "条"),
            ("applications_received", "all", 0, "exact", "件"),
        ]
    )


def test_sample_evidence_is_verbatim_and_in_json() -> None:
    report = parse_file(SAMPLE)
    raw = SAMPLE.read_text(encoding="utf-8")
    for fact in report.narrative:
        assert fact.evidence in raw, fact
    as_json = report.to_json()["narrative"]
    assert as_json[0].keys() == {"metric", "channel", "value", "qualifier", "unit", "evidence"}
    assert any("微信群发布" in f["evidence"] for f in as_json)


# --- (b) the real corpus against narrative.json ---------------------------------------------


def test_corpus_precision_and_recall() -> None:
    corpus = corpus_or_skip()
    result = score_corpus(corpus)
    misses = [
        (f.file, fact["metric"], fact["channel"], fact["value"])
        for f in result.files
        for fact in f.false_positives + f.false_negatives
    ]
    assert result.precision is not None and result.precision >= 0.95, misses
    assert result.recall is not None and result.recall >= 0.95, misses
    truth_files = {t["file"] for t in load_truth(corpus)}
    assert {f.file for f in result.files} == truth_files


def test_score_counts_duplicates_once_and_ignores_unscored_metrics() -> None:
    truth = [{"file": "a", "metric": "fee_collected_yuan", "channel": "all", "value": 0,
              "qualifier": "exact"}]  # fmt: skip
    fee = {"metric": "fee_collected_yuan", "channel": "all", "value": 0.0, "qualifier": "exact"}
    extra = {"metric": "review_cases", "channel": "all", "value": 7, "qualifier": "exact"}
    result = score({"a": [fee, fee, extra], "b": [fee]}, truth)
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)
    assert list(result.unscored) == ["b"]
    assert (score({"a": [], "b": [fee]}, truth, all_files=True).fp, result.recall) == (1, 1.0)


# --- (c) hand-written sentences ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("通过政府网站发布信息120条。", "website"),
        ("依托区政府门户网站，全年共发布信息120条。", "website"),
        ("通过“某某发布”微信公众号推送信息120条。", "wechat_official"),
        ("通过政务微信发布信息120条。", "wechat_official"),
        ("通过政务微博发布信息120条。", "weibo"),
        ("在村民微信群发布各类信息120条。", "wechat_group"),
        ("通过“某某通”APP发布信息120条。", "app"),
        ("在小程序发布信息120条。", "app"),
        ("通过抖音号发布短视频120条。", "short_video"),
        ("视频号发布视频120条。", "short_video"),
        ("在《某某市人民政府公报》刊发信息120条。", "gazette"),
        ("通过政务公开栏公开信息120条。", "offline_board"),
        (
            "通过宣传栏、电子屏、LED屏、信息查询机等线下媒体进行公开，其中涉及民生的信息120条。",
            "offline_board",
        ),
        ("通过报刊、电视、广播等媒体发布信息120条。", "media"),
        ("在《某某日报》刊登稿件120篇。", "media"),
        ("通过政务新媒体发布信息120条。", "other"),
    ],
)
def test_channel_aliases(text: str, channel: str) -> None:
    assert [(m, c, v) for m, c, v, _q, _u in _facts(text)] == [("items_published", channel, 120)]


def test_events_of_open_days_and_press_conferences() -> None:
    assert _facts("开展政府开放日活动3次。") == [("open_day_events", "open_day", 3, "exact", "次")]
    assert _facts("全年共召开新闻发布会15场。") == [
        ("other", "press_conference", 15, "exact", "场")
    ]
    # The unit as written: 场次, not its first character.
    assert _facts("举办政府开放日活动2场次。") == [
        ("open_day_events", "open_day", 2, "exact", "场次")
    ]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("通过政府网站发布信息50余条。", 50, "more_than"),
        ("通过政府网站发布信息300多条。", 300, "more_than"),
        ("通过政府网站发布信息超过1000条。", 1000, "more_than"),
        ("通过政府网站发布信息超1000条。", 1000, "more_than"),
        ("通过政府网站发布信息1000条以上。", 1000, "more_than"),
        ("通过政府网站发布信息约500条。", 500, "about"),
        ("通过政府网站发布信息近300条。", 300, "about"),
        ("通过政府网站发布信息200条左右。", 200, "about"),
        ("通过政府网站发布信息200条。", 200, "exact"),
    ],
)
def test_qualifiers(text: str, value: int, qualifier: str) -> None:
    assert _facts(text) == [("items_published", "website", value, qualifier, "条")]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("在微信群发布信息三千余条。", 3000, "more_than"),
        ("通过政府网站发布一百二十条信息。", 120, "exact"),
        ("通过政府网站发布信息1.2万条。", 12000, "exact"),
        ("通过政府网站发布信息1万余条。", 10000, "more_than"),
        ("通过政府网站发布信息两万多条。", 20000, "more_than"),
        ("通过政府网站发布信息1,234条。", 1234, "exact"),
        ("通过政府网站发布信息 50 余条。", 50, "more_than"),
        # A round hundred or thousand with no digit: its qualifier makes it a count.
        ("通过政府网站发布信息近千条。", 1000, "about"),
        ("通过政府网站发布信息千余条。", 1000, "more_than"),
        ("通过政府网站发布信息逾万条。", 10000, "more_than"),
    ],
)
def test_numeral_forms(text: str, value: int, qualifier: str) -> None:
    assert [(v, q) for _m, _c, v, q, _u in _facts(text)] == [(value, qualifier)]


def test_chinese_numerals_and_years() -> None:
    assert [chinese_number(x) for x in ("三千", "一百二十", "十五", "两万零五")] == [
        3000,
        120,
        15,
        20005,
    ]
    assert counts("二〇二〇年") == [] and counts("2020年") == []
    assert _facts("二〇二〇年，通过政府网站发布信息。") == []
    # A lone Chinese digit inside a word is not a count.
    assert counts("一条龙服务，统一条目，两条微信") == []


@pytest.mark.parametrize(
    "text",
    [
        "通过政府网站发布的信息占比达33.9%。",  # percentage
        "2020年1月1日起，在政府网站发布信息。",  # date
        "依据《办法》（某政发〔2021〕39号）在政府网站发布信息。",  # document number
        "每个部门在政府网站发布信息3-5条。",  # range
        "要求各单位在政府网站发布信息3至5条。",  # range in words
        "咨询电话：0551-12345678，在政府网站公开。",  # phone number
        "第3次会议后，通过政府网站发布。",  # ordinal
        "区教育局通过门户网站发布信息200余条。",  # department-level
        "同时，县财政局在政府网站公开信息120条。",  # department-level after a connective
        "通过政府网站发布政策解读60篇。",  # topic-level
        "通过政府网站开展意见征集9期。",  # topic-level, not items
        "通过政府网站公开重点领域信息500条。",  # topic-level
        "各乡镇主动公开政府信息613条。",  # subordinate units, not the total
        "主动公开政府信息较上年增加1200条。",  # a change
        "2019年通过政府网站发布信息1000条。",  # another year (report year 2021)
        "2020年，我区共主动公开政府信息3000条。",  # the sentence's time: another year
        "下一步，力争通过政府网站发布信息2000条。",  # a plan
        "截至目前，政府网站累计发布信息10万余条。",  # a stock
        "共公开51条疫情防控相关信息。",  # topic named after the number
        "收到群众诉求348件，现场解决162件，办结率100%。",  # not a hotline nor applications
        "全县共办理相关案件74件。",  # cases, not applications
    ],
)
def test_traps_yield_nothing(text: str) -> None:
    assert _facts(text) == []


def test_stated_total_alongside_channels_is_never_summed() -> None:
    got = _facts("全年共主动公开政府信息2.3万条，其中政府网站发布1.5万条，政务微信发布3000条。")
    assert got == [
        ("items_published", "all", 23000, "exact", "条"),
        ("items_published", "website", 15000, "exact", "条"),
        ("items_published", "wechat_official", 3000, "exact", "条"),
    ]
    per_channel = _facts("通过政府网站发布信息1200条，微信公众号发布300条。")
    assert [r[1] for r in per_channel] == ["website", "wechat_official"]


def test_several_channels_in_one_clause_make_a_total_or_nothing() -> None:
    assert _facts("通过政府网站、政务微博等平台共主动公开政府信息5600条。") == [
        ("items_published", "all", 5600, "exact", "条")
    ]
    assert _facts("通过政府网站、政务微博等平台发布疫情信息300条。") == []


@pytest.mark.parametrize(
    ("text", "received", "resolved", "unit"),
    [
        ("不断完善12345便民服务热线，全年共收到信访求助类信息35条，均已全部办理。", 35, 35, "条"),
        ("12345热线全年受理群众诉求1.2万件，办结率100%。", 12000, 12000, "件"),
        # A list item that names the hotline shares the list's verb.
        ("全年受理群众来信50件、12345热线工单300件，均已办结。", 300, 300, "件"),
        # An explicit resolved count wins over a rate.
        ("12345热线共受理来电500件，办结498件，办结率99.6%。", 500, 498, "件"),
        # A count printed with a thousands separator after 电话 is no phone number.
        ("全年共接听12345热线电话3,200个，办理完毕3,150个。", 3200, 3150, "个"),
        # Calls asking for advice are calls received; answered by phone, all were resolved.
        ("全年政务公开热线电话咨询860次，均已完成电话答复。", 860, 860, "次"),
    ],
)
def test_hotline_received_and_resolved(text: str, received: int, resolved: int, unit: str) -> None:
    assert _facts(text) == [
        ("hotline_received", "hotline", received, "exact", unit),
        ("hotline_resolved", "hotline", resolved, "exact", unit),
    ]


def test_hotline_wordings() -> None:
    # The list's other items (a mailbox, deputies' suggestions) stay left.
    text = "办理领导信箱（网上信访）112件、12345政务服务热线8391件、人大代表建议123件。"
    assert _facts(text) == [("hotline_received", "hotline", 8391, "exact", "件")]
    # Rates named together.
    assert _facts("12345政务服务热线共收到1200件，办结率和回复率均达100%。")[1] == (
        "hotline_resolved", "hotline", 1200, "exact", "件"
    )  # fmt: skip
    assert _facts("12345热线共接听来电三千余个，全部办结。")[1] == (
        "hotline_resolved", "hotline", 3000, "more_than", "个"
    )  # fmt: skip


def test_replies_made_public_are_not_the_resolved_count() -> None:
    text = "12345热线共受理诉求300件，办结290件，公开答复12件。"
    assert [f[:3] for f in _facts(text)] == [
        ("hotline_received", "hotline", 300),
        ("hotline_resolved", "hotline", 290),
    ]


def test_a_number_holding_12345_names_no_hotline() -> None:
    # The digits of an earlier count are no hotline named before this one.
    rows = _facts("全年在网站发布信息112345条，受理群众来电300个。")
    assert rows == [("items_published", "website", 112345, "exact", "条")]
    assert _facts("12345热线全年受理群众来电112345个。") == [
        ("hotline_received", "hotline", 112345, "exact", "个")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2021年，我镇没有接到政府信息依申请公开事项。", 0),
        ("全年未收到政府信息公开申请。", 0),
        # Applicant breakdowns are not totals.
        ("共受理申请749件，其中自然人申请741件，法人申请8件。", 749),
        # None stated after the noun.
        ("2021年依申请公开情况：无。", 0),
        ("本年度政府信息公开申请数为零。", 0),
        # What was disclosed on request, or how requests were handled, stated as none.
        ("2021年某某镇无依申请公开政府信息。", 0),
        ("2021年某某镇无政府信息依申请公开办理情况。", 0),
        ("2021年，全年未收到依申请公开来信。", 0),
        ("本年度未收到政府信息公开申请书。", 0),
        # The request named in other orders: 申请公开, and 事项 before 申请.
        ("本年度某某镇未收到政府信息申请公开。", 0),
        ("2021年，我委未收到依申请公开事项申请。", 0),
        ("受理申请的数量：本年度未收到依申请公开请求。", 0),
        ("2021年，我局未收到公民、法人或其他组织的依申请公开诉求。", 0),
        ("2021年，我镇没有收到依申请公开政府信息的申请。", 0),
        # requests named as letters (申请公开信件)
        ("2021年我局未收到群众申请公开信件。", 0),
        # Applications counted with no verb.
        ("本年度政府信息公开申请数量为5件。", 5),
        ("我局2021年度政府信息公开申请为0件。", 0),
    ],
)
def test_applications_received_alone(text: str, value: int) -> None:
    assert _facts(text) == [("applications_received", "all", value, "exact", "件")]


def test_applications_received_closed_and_zero() -> None:
    assert _facts("本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。") == [
        ("applications_received", "all", 70, "exact", "件"),
        ("applications_closed", "all", 69, "exact", "件"),
        ("applications_carried_forward", "all", 1, "exact", "件"),
    ]
    assert _facts("本年度未收到行政复议申请。") == []
    assert _facts("行政复议申请为2件。")[0][0] == "review_cases"
    # 无法 is no "none": an outcome, not a zero.
    assert _facts("依申请公开无法提供3件。") == [("applications_unable", "all", 3, "exact", "件")]


@pytest.mark.parametrize(
    "text",
    [
        "全年共受理政府信息公开申请21件，均已按期答复。",
        "本机关受理依申请公开 21 件，均在法定期限内予以答复。",
        "收到政府信息公开申请21件，涉及自然人20件、法人1件，均已在法定期限内予以答复，办结率100%。",
        "共受理信息公开申请21件，全部依法办结。",
        "共接收政府信息公开申请21件，答复率100%。",
        # The timing in other words than the listed ones.
        "我局共计收到政府信息公开申请21件，均已按规定时限答复。",
        "共收到申请21件，均已在规定时间内依法答复。",
        "共收到申请21件，均已按照《条例》规定的期限予以答复。",
        # A timing in other words, then a listed one.
        "全年共收到政府信息公开申请21件，均在规定时间内按要求回复。",
    ],
)
def test_applications_all_closed_gives_the_closed_count(text: str) -> None:
    rows = _facts(text)
    assert ("applications_received", "all", 21, "exact", "件") in rows
    assert ("applications_closed", "all", 21, "exact", "件") in rows


@pytest.mark.parametrize(
    ("text", "received", "closed"),
    [
        # After a received count, 办理 is the closed count.
        ("共受理信息公开申请40件；共办理36件，结转下年4件。", 40, 36),
        # Handled, then closed in other words: handled is the intake, 办结 the closed.
        ("全年共办理依申请公开事项18件，办结16件，2件转入下年度。", 18, 16),
        # Handled, then all of them closed: received and closed alike.
        ("共办理政府信息公开申请9件，均已按期答复。", 9, 9),
        # The closing verb after the count; the received count named before its noun.
        ("本街道共收到8件信息依申请公开，其中6件已经按时按规完成答复，2件结转下年度。", 8, 6),
        # One application: closed without an "all" word, its count in a Chinese numeral.
        ("2021年度收到政府信息公开申请一件，已办理完毕。", 1, 1),
        # Timing words may stand together.
        ("共收到申请5件，均已按时按规完成答复。", 5, 5),
    ],
)
def test_received_and_closed_in_other_words(text: str, received: int, closed: int) -> None:
    """办理 after a received count is read as closed; joined to a receiving verb, or followed
    by what closed the count, it counts what was received (``cues.handled``); closing verbs may
    follow the count."""
    assert _facts(text)[:2] == [
        ("applications_received", "all", received, "exact", "件"),
        ("applications_closed", "all", closed, "exact", "件"),
    ]


def test_requests_counted_in_tiao() -> None:
    assert _facts("2021年，收到申请公开21条，办结21条。") == [
        ("applications_received", "all", 21, "exact", "条"),
        ("applications_closed", "all", 21, "exact", "条"),
    ]
    # Items published on request are no requests; 公开 of items stays items.
    assert _facts("在政府网站公开政府信息300条，其中依申请公开2条。") == [
        ("items_published", "website", 300, "exact", "条")
    ]


def test_handled_alone_or_with_a_receiving_verb() -> None:
    # Received and handled at once: what was received, never a closed count.
    assert _facts("本年度共收到并办理政府信息公开申请6件，其中4件予以公开。")[0] == (
        "applications_received", "all", 6, "exact", "件"
    )  # fmt: skip
    assert all(row[0] != "applications_closed" for row in _facts("共收到和办理申请6件。"))
    # Two or more without an "all" word: closed when the closing words open the next clause
    # (alone, or after 并), and count nothing themselves.
    assert _facts("共收到申请2件，已办理完毕。") == [
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    ]
    assert _facts("2021年度，我委收到7条依申请公开政府信息的申请，并已办理完成。") == [
        ("applications_received", "all", 7, "exact", "条"),
        ("applications_closed", "all", 7, "exact", "条"),
    ]
    assert _facts("共收到申请2件，涉及规划审批，已办理完毕。") == [
        ("applications_received", "all", 2, "exact", "件")
    ]
    # Hotline calls handled, then all of them closed.
    assert _facts("全年共办理12345热线工单260件，已全部办结。") == [
        ("hotline_received", "hotline", 260, "exact", "件"),
        ("hotline_resolved", "hotline", 260, "exact", "件"),
    ]


def test_handled_then_some_carried_forward() -> None:
    """Those handled that the outcomes after them leave partly carried forward to the next year
    were not all closed: the count is the intake, in the next sentence's breakdown too."""
    text = (
        "本年度共办理政府信息公开申请12件，均为自然人申请。办理结果如下：予以公开8件；"
        "本机关不掌握相关政府信息3件；结转下年度继续办理1件。"
    )
    assert _facts(text)[0] == ("applications_received", "all", 12, "exact", "件")
    assert all(row[0] != "applications_closed" for row in _facts(text))
    # Some carried over from the year before as well: the count may hold them or not, and is
    # neither the received nor the closed.
    both = "共办理政府信息公开申请80件，同比增长5%；上年结转2件，结转下年办理8件。"
    assert [
        row for row in _facts(both) if row[0] in ("applications_received", "applications_closed")
    ] == []
    # In brackets after the count, and in another unit of cases.
    text = "全年办理政府信息公开申请96宗（结转下年度继续办理1宗），做到了及时接收。"
    assert _facts(text)[0] == ("applications_received", "all", 96, "exact", "宗")
    # None carried forward: all of them were closed, as before.
    assert _facts("共办理政府信息公开申请6件，予以公开6件，结转下年度0件。")[0] == (
        "applications_closed", "all", 6, "exact", "件"
    )  # fmt: skip
    # After a received count, 办理 is still what was closed.
    assert _facts("共受理信息公开申请13件，共办理12件。结转下年度继续办理1件。")[:2] == [
        ("applications_received", "all", 13, "exact", "件"),
        ("applications_closed", "all", 12, "exact", "件"),
    ]
    # A carry forward in the next numbered part speaks of something else.
    other_part = "共办理政府信息公开申请6件。\n（三）其他：结转下年度继续办理1件信访事项。"
    assert _facts(other_part)[0] == ("applications_received", "all", 6, "exact", "件")


@pytest.mark.parametrize(
    "text",
    [
        "全年共受理行政许可申请1200件，均已按期办结。",
        "全年共受理不动产登记申请3500件，办结3480件。",
        "全年受理企业开办申请860件，全部当日办结。",
        "受理城乡低保申请320件，审批通过298件。",
    ],
)
def test_applications_of_another_kind_are_no_information_requests(text: str) -> None:
    assert [row for row in _facts(text) if row[0].startswith("applications")] == []


def test_information_requests_named_any_usual_way_are_read() -> None:
    for text in (
        "共受理政府信息公开申请12件。",
        "全年共收到申请12件。",
        "本年度共收到12件申请。",
        "全年收到公民、法人和其他组织申请12件。",
        "全年受理依申请公开12件。",
    ):
        assert _facts(text)[0] == ("applications_received", "all", 12, "exact", "件"), text


def test_applications_closure_needs_a_statement_about_all() -> None:
    # A rate below 100%, a closing verb with a count of its own, or an explicit closed count:
    # no closure reading.
    assert [r[0] for r in _facts("共受理政府信息公开申请21件，已答复十九件。")] == [
        "applications_received",
        "applications_closed",
    ]
    assert _facts("共受理政府信息公开申请21件，已答复十九件。")[1][2] == 19
    assert [r[0] for r in _facts("共受理政府信息公开申请21件，办结率95%。")] == [
        "applications_received"
    ]
    # A number in between is no timing phrase: what was done to all of them is not closing.
    assert [r[0] for r in _facts("共受理政府信息公开申请21件，均已转交3个部门办理。")] == [
        "applications_received"
    ]
    assert _facts("共受理政府信息公开申请21件，按期答复20件，均已办结。") == [
        ("applications_received", "all", 21, "exact", "件"),
        ("applications_closed", "all", 20, "exact", "件"),
    ]


def test_fees() -> None:
    zero = [("fee_collected_yuan", "all", 0, "exact", "元")]
    assert _facts("2021年，无收取信息处理费情况。") == zero
    assert _facts("2021年，本机关未发生政府信息公开收费事项。") == zero
    assert _facts("全年收取政府信息公开信息处理费 0 元。") == zero
    # The fee named before its verb, or none stated after it.
    assert _facts("2021年度无信息处理费收取情况。") == zero
    assert _facts("2021年，本机关不涉及收取信息处理费。") == zero
    assert _facts("2021年，无信息处理费。") == zero
    assert _facts("2021年信息处理费收取情况：无。") == zero
    assert _facts("2019年度无信息处理费收取情况。") == []  # another year
    # The template's own words echoed, the zero printed as a digit.
    assert _facts("本局发出收费通知的件数和总金额以及实际收取的总金额均为0。") == zero
    assert _facts("2021年实际收取信息处理费总额为0元。") == zero
    assert _facts("实际收取的总金额为0。") == []  # no fee named: money of anything
    assert _facts("收取信息处理费共计380元，其中民政局1件，收取380元。") == [
        ("fee_collected_yuan", "all", 380, "exact", "元")
    ]
    # 万元 is kept as written; the value is in yuan.
    assert _facts("全年收取信息处理费0.12万元。") == [
        ("fee_collected_yuan", "all", 1200, "exact", "万元")
    ]
    assert _facts("行政事业性收费350万元。") == []


def test_application_outcomes_and_disputes() -> None:
    text = (
        "市政府办公厅代表市政府共受理政府信息公开申请859件；答复政府信息公开申请805件（含上年度"
        "结转申请18件，另有72件申请按照《条例》顺延到下年度答复）。予以公开及部分公开258件，"
        "占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供265件，占32.9%；不予处理"
        "158件；其他处理0件。信息公开类行政复议7件，诉讼9件。"
    )
    assert [(m, v) for m, _c, v, _q, _u in _facts(text, 2019)] == [
        ("applications_received", 859),
        ("applications_closed", 805),
        ("applications_carried_over", 18),
        ("applications_carried_forward", 72),
        ("applications_granted_or_partial", 258),
        ("applications_denied", 35),
        ("applications_unable", 265),
        ("applications_not_processed", 158),
        ("applications_other", 0),
        ("review_cases", 7),
        ("litigation_cases", 9),
    ]
    got = _facts("所有办结的申请中同意公开答复9件，部分公开答复0件，结转至2026年6件。", 2025)
    assert [(m, v) for m, _c, v, _q, _u in got] == [
        ("applications_granted", 9),
        ("applications_partial", 0),
        ("applications_carried_forward", 6),
    ]


def test_agency_keeps_its_own_statements() -> None:
    text = "市财政局在门户网站发布信息300条。"
    assert _facts(text) == []
    assert _facts(text, agency="某某市财政局") == [
        ("items_published", "website", 300, "exact", "条")
    ]


def test_sections_read_and_fallback() -> None:
    sections = {
        "overview": "通过政府网站发布信息10条。",
        "proactive": "通过政务微博发布信息20条。",  # facts stand in section 二 too
        "problems": "下一步，计划通过政府网站发布信息30条。",
        "other_matters": "全年未收取信息处理费。",
    }
    got = extract_facts(sections, 2021)
    assert [(f.value, f.section) for f in got] == [
        (10, "overview"),
        (20, "proactive"),
        (0, "other_matters"),
    ]
    # Headings not found: read whatever text there is rather than return nothing.
    assert [f.value for f in extract_facts({"proactive": "通过政府网站发布信息20条。"})] == [20]
    assert extract_facts({}) == []


# --- failure classes seen on reports outside the corpus (issue 14) ---------------------------


def test_a_category_count_is_not_the_total_and_the_real_total_is_read() -> None:
    text = (
        "全年主动公开信息数161条。其中机构职能类信息12条，其他应主动公开的政府信息30条。"
        "另在网站公开其他信息8条。"
    )
    assert _facts(text) == [("items_published", "all", 161, "exact", "条")]
    assert _facts("本年度其他应主动公开的政府信息45条。") == []


def test_a_category_named_with_lei_de_is_not_the_total() -> None:
    text = (
        "主动在网站公开政府信息80条。"
        "在主动公开的信息中，工作动态类的信息50条，通知公告类的信息30条。"
    )
    assert _facts(text) == [("items_published", "website", 80, "exact", "条")]


_ALL, _SITE = ("items_published", "all"), ("items_published", "website")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count published in a column of a site is that column's, not the total.
        (
            "通过网站、公开栏等方式主动公开政府信息共600条。门户网站主动公开政府信息60条，"
            "政府信息公示专栏公开政府信息100条。",
            [(*_ALL, 600), (*_SITE, 60)],
        ),
        # The subordinate units' count is theirs, not the report's total.
        (
            "2021年，全县累计公开政府信息2100条。县人民政府网公开政府信息700条，"
            "县政府部门和镇（街道）共公开各类政府信息1400条。",
            [(*_ALL, 2100), (*_SITE, 700)],
        ),
        # A county government's site: 某某县人民政府网, 县政府门户网.
        ("全年在某某县人民政府网发布政务信息13条。", [(*_SITE, 13)]),
        ("2021年，县政府门户网共计发布各类信息4308条。", [(*_SITE, 4308)]),
    ],
)
def test_only_the_reports_own_total_and_channels(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(m, c, v) for m, c, v, _q, _u in _facts(text)] == expected


def test_a_post_named_by_its_channel_after_the_count() -> None:
    assert _facts("全年共发布1500余条微博，原创短视频40条。")[0] == (
        "items_published", "weibo", 1500, "more_than", "条"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2021年，通过政府门户网站、政务微信公众号分别发布信息1500条、420条。",
            [("items_published", "website", 1500), ("items_published", "wechat_official", 420)],
        ),
        (
            "在县政府网站和“某某发布”微信公众号分别发布政务信息610条和95条。",
            [("items_published", "website", 610), ("items_published", "wechat_official", 95)],
        ),
        # after a count of the clause before: each count keeps its own place in the order
        (
            "通过门户网站发布信息800条，微信公众号、微博分别发布300条、200条。",
            [
                ("items_published", "website", 800),
                ("items_published", "wechat_official", 300),
                ("items_published", "weibo", 200),
            ],
        ),
        # verbs as the items: received and closed (15 is no closed count)
        (
            "全年共收到和办结政府信息公开申请分别为15件、14件。",
            [("applications_received", "all", 15), ("applications_closed", "all", 14)],
        ),
        (
            "受理、办结12345热线工单分别为3200件、3150件。",
            [("hotline_received", "hotline", 3200), ("hotline_resolved", "hotline", 3150)],
        ),
        # three items and two counts: not a list 分别 answers one to one
        ("通过门户网站、微信公众号、微博分别发布信息1200条、360条。", []),
        # each channel followed by its account's name in quotes
        (
            "通过官方微博“某某发布V”、微信公众号“某之西”分别发布各类信息92条、306条。",
            [("items_published", "weibo", 92), ("items_published", "wechat_official", 306)],
        ),
        # the accounts' names listed before the one channel they share
        (
            "在“某某教育”“某某智慧教育”微信公众号分别发布信息279篇、230篇。",
            [
                ("items_published", "wechat_official", 279),
                ("items_published", "wechat_official", 230),
            ],
        ),
        (
            "在“某某发布”、“某某政务”微博分别发布信息52条和40条。",
            [("items_published", "weibo", 52), ("items_published", "weibo", 40)],
        ),
    ],
)
def test_respectively_gives_each_count_its_own_item(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert [(m, c, v) for m, c, v, _q, _u in _facts(text)] == expected


def test_a_count_after_respectively_quotes_the_whole_list() -> None:
    facts = extract_facts({"overview": "通过门户网站、微信公众号分别发布信息120条、30条。"}, 2021)
    assert [f.evidence for f in facts] == [
        "通过门户网站、微信公众号分别发布信息120条",
        "通过门户网站、微信公众号分别发布信息120条、30条",
    ]


def test_no_carried_over_application_is_no_zero_received() -> None:
    # 无上年结转…申请 says nothing was carried over, not that nothing was received
    assert _facts("本年度无上年结转政府信息公开申请。") == []


def test_a_preposition_before_the_agencys_own_word_is_no_department_subject() -> None:
    # 以局门户网站为载体: the bureau's own portal, not a department's figure
    rows = _facts("以局门户网站、微信公众号为载体，公开信息1261条(其中:网站390条、公众号871条)。")
    assert [(m, c, v) for m, c, v, _q, _u in rows] == [
        ("items_published", "all", 1261),  # its channels add up to it
        ("items_published", "website", 390),
        ("items_published", "wechat_official", 871),
    ]


def test_a_count_its_channel_breakdown_adds_up_to_is_the_total() -> None:
    rows = _facts("全年共发布信息3200条，其中网站1500条、微信公众号1200条、微博500条。")
    assert [(m, c, v) for m, c, v, _q, _u in rows] == [
        ("items_published", "all", 3200),
        ("items_published", "website", 1500),
        ("items_published", "wechat_official", 1200),
        ("items_published", "weibo", 500),
    ]
    # parts that do not add up, or one channel only, say nothing of the count
    for text in (
        "全年共发布信息3200条，其中网站1500条、微信公众号1200条、微博400条。",
        "全年共发布信息3200条，其中网站3200条。",
    ):
        assert ("items_published", "all") not in [(m, c) for m, c, *_ in _facts(text)]


def test_the_new_medias_sum_beside_the_site_is_no_total() -> None:
    # Published through new media, broken down by them without the website: the new media's sum
    # (the site counts its own), not all the body published.
    text = (
        "充分利用微博、微信公众号、抖音等新媒体，全年发布信息300条，其中微博100条，"
        "微信公众号150条，抖音号50条。"
    )
    rows = [(m, c, v) for m, c, v, _q, _u in _facts(text)]
    assert rows == [
        ("items_published", "weibo", 100),
        ("items_published", "wechat_official", 150),
        ("items_published", "short_video", 50),
    ]


def test_the_agency_named_short_is_the_agency_not_a_department() -> None:
    text = "2021年某区教体局主动公开政府信息417条。"
    assert _facts(text) == []  # no agency known: a department's figure
    facts = extract_facts({"overview": text}, 2021, agency="某区教育体育局")
    assert [(f.metric, f.channel, f.value) for f in facts] == [("items_published", "all", 417)]


def test_information_of_every_kind_is_a_total_whatever_the_verb() -> None:
    assert _facts("全年公开发布各类信息4800余条，其中信息公开目录更新量200余条。") == [
        ("items_published", "all", 4800, "more_than", "条")
    ]
    # a channel named still makes it the channel's
    assert _facts("全年在门户网站发布各类信息800条。")[0][:3] == ("items_published", "website", 800)


def test_one_channel_and_others_like_it_is_not_that_channel() -> None:
    # 官网等渠道: the site and more channels; a stated total (各类信息) is all of them
    assert _facts("全年通过县官网等渠道共发布各类信息50余条。") == [
        ("items_published", "all", 50, "more_than", "条")
    ]
    # …and with no stated total it is several channels, not the one named
    assert _facts("通过政务微信等新媒体平台发布信息80条。") == []
    assert _facts("通过政务微信发布信息80条。")[0][:3] == ("items_published", "wechat_official", 80)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # posts counted with their reposts
        (
            "在“某某教育”微信公众号发布信息1511条次。",
            ("items_published", "wechat_official", 1511, "exact", "条次"),
        ),
        ("通过政务微博发布信息320篇次。", ("items_published", "weibo", 320, "exact", "篇次")),
    ],
)
def test_measure_words_of_their_own(text: str, fact: tuple) -> None:
    assert _facts(text) == [fact]


def test_tuiwen_is_a_verb_before_a_count() -> None:
    # 推文 (to push an article) as the verb: the account's posts; and still the noun after
    # another verb.
    rows = _facts("“某某城管”官方微信推文180篇，“某某城管”官方微博发布资讯900篇。")
    rows += _facts("通过微信公众号发布推文300篇。")
    assert [(m, c, v) for m, c, v, _q, _u in rows] == [
        ("items_published", "wechat_official", 180),
        ("items_published", "weibo", 900),
        ("items_published", "wechat_official", 300),
    ]


def test_a_topic_subset_is_not_a_channel_total() -> None:
    assert _facts("通过“某某发布”微信公众号发布20余篇文章，回应了群众关注的舆情问题。") == []
    assert _facts("围绕乡村振兴主题，通过微信公众号发布信息36条。") == []
    # A purpose clause of a general kind leaves the channel total standing.
    assert _facts("通过微信公众号发布信息300条，及时回应社会关切。") == [
        ("items_published", "wechat_official", 300, "exact", "条")
    ]


def test_what_the_items_cover_is_no_topic() -> None:
    # 内容涉及… after the count lists what all of it covers, not a topic it was limited to.
    assert _facts(
        "今年，我街道通过区政府信息公开网站公开政府信息20条内容涉及公告公示、组织机构等7大类。"
    ) == [("items_published", "website", 20, "exact", "条")]
    assert _facts("共公开51条疫情防控相关信息。") == []  # a topic named after the number


def test_a_street_office_named_with_zhen_is_no_subordinate_unit() -> None:
    # 安镇街道 is the 安镇 street office itself, not 镇街 (towns and street offices below it).
    assert _facts("2021年，安镇街道主动在政务公开网上公开政府信息累计49条。") == [
        ("items_published", "website", 49, "exact", "条")
    ]
    assert _facts("全区镇街主动公开政府信息613条。") == []


def test_replied_and_handled_is_closed() -> None:
    assert _facts("2021年度，我街受理依申请公开政府信息3件，回复处理3件。") == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 3, "exact", "件"),
    ]


def test_a_verb_before_the_bureaus_channel_is_no_department() -> None:
    # 充分发挥局门户网站…: the bureau's own website, no department 充分发挥局 as subject.
    assert _facts("充分发挥局门户网站第一平台作用，2021年通过门户网站主动公开政府信息1268条。") == [
        ("items_published", "website", 1268, "exact", "条")
    ]
    assert _facts("区教育局通过门户网站发布信息200余条。") == []  # a department's figure


def test_the_bodys_work_as_a_whole_is_no_topic() -> None:
    assert _facts("围绕人社业务重点工作，持续推进信息公开，全年局网站发布信息1724条。") == [
        ("items_published", "website", 1724, "exact", "条")
    ]
    assert _facts("围绕乡村振兴主题，通过微信公众号发布信息36条。") == []


def test_posts_named_by_their_channel_before_the_count() -> None:
    assert _facts("微信公众号发布微信970条、抖音号发布短视频78条。") == [
        ("items_published", "wechat_official", 970, "exact", "条"),
        ("items_published", "short_video", 78, "exact", "条"),
    ]


def test_a_list_of_what_the_items_include_is_no_head() -> None:
    # 公开的信息包括工作动态、政策法规等共30篇: what was counted is 信息, listed by content.
    text = "通过我局微信公众平台发布图文信息，公开的信息包括工作动态、政策法规等共30篇。"
    assert _facts(text) == [("items_published", "wechat_official", 30, "exact", "篇")]
    # Words before the list that name no items keep the list's reading.
    assert _facts("其中涉及到土地确权、民政救助等方面信息800余条。") == []


def test_the_bodys_own_information_is_the_stated_total() -> None:
    assert _facts("2021年，我镇信息主动公开292条。其中政务信息229条。") == [
        ("items_published", "all", 292, "exact", "条")
    ]


def test_completed_requests_are_closed() -> None:
    assert _facts("2021年度受理政府信息公开申请3件，已完成依申请公开申请2件。") == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    ]


def test_applications_closed_in_a_sentence_that_names_them_again() -> None:
    text = "2021年度共收到政府信息公开申请5件，其中当面申请1件。上述申请均已在法定期限内答复完毕。"
    assert _facts(text) == [
        ("applications_received", "all", 5, "exact", "件"),
        ("applications_closed", "all", 5, "exact", "件"),
    ]
    from disclosure_metrics.narrative import explain_facts

    assert any(
        r.metric == "applications_closed" and r.value == 5
        for r in explain_facts({"overview": text}, 2021)
    )
    # Counts of something else in between: 上述 no longer names the applications.
    assert [
        r[0] for r in _facts("共收到申请5件。全年通过政府网站发布信息300条。上述申请均已答复。")
    ] == [
        "applications_received",
        "items_published",
    ]
    # A closed count of their own: nothing more to close.
    assert _facts("共收到申请5件，办结4件。上述申请均已答复。")[1] == (
        "applications_closed", "all", 4, "exact", "件"
    )  # fmt: skip
    assert len(_facts("共收到申请5件，办结4件。上述申请均已答复。")) == 2


def test_one_way_of_asking_without_requests_is_no_zero() -> None:
    # 无线下申请: no request came in on paper, not that none came in.
    text = "2021年共收到政府信息公开申请4宗，均通过网上申请，无线下申请。所有申请均已做到按时办结。"
    assert _facts(text) == [
        ("applications_received", "all", 4, "exact", "宗"),
        ("applications_closed", "all", 4, "exact", "宗"),
    ]
    assert _facts("2021年度未收到依申请公开申请件。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_closed_by_the_rules_and_procedure() -> None:
    assert _facts("全年共收到政府信息公开申请3件，均已按规定时限和程序办结。")[1] == (
        "applications_closed", "all", 3, "exact", "件"
    )  # fmt: skip


def test_a_douyin_account_and_publishing_to_the_public() -> None:
    assert _facts("“某某教育”抖音公众号发布稿件165条。") == [
        ("items_published", "short_video", 165, "exact", "条")
    ]
    text = "通过政府门户网站、政府信息公开栏等多种渠道，主动向社会公开领导信息等信息300余条。"
    assert _facts(text) == [("items_published", "all", 300, "more_than", "条")]


def test_information_of_the_kinds_listed_is_the_stated_total() -> None:
    text = "截止到2021年12月，某街道主动公开涉及疫情防控、社会救助等方面信息423条。"
    assert _facts(text, agency="某街道办事处") == [("items_published", "all", 423, "exact", "条")]
    text = "依托政府门户网站和微信公众号等平台，主动向广大群众公开食品、药品安全等信息312条。"
    assert _facts(text) == [("items_published", "all", 312, "exact", "条")]


def test_requests_counted_in_li_and_none_as_events() -> None:
    assert _facts("2021年我局共受理依申请政府信息公开事项17例，全部按时办结。") == [
        ("applications_received", "all", 17, "exact", "例"),
        ("applications_closed", "all", 17, "exact", "例"),
    ]
    assert _facts("本年度未收到和处理政府信息公开申请事件。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_a_toutiao_account_is_no_wechat_account() -> None:
    assert _facts("通过某某市场监管今日头条公众号公开700条。") == [
        ("items_published", "other", 700, "exact", "条")
    ]


def test_channels_and_many_others_and_calls_closed_with_care() -> None:
    text = "通过某县政府网站、某镇政务公开子站等多元途径，对外发布政府信息99条。"
    assert _facts(text) == [("items_published", "all", 99, "exact", "条")]
    text = "我镇办公热线接听154次来电，业务咨询126次，均妥善办结。"
    assert _facts(text) == [
        ("hotline_received", "hotline", 154, "exact", "次"),
        ("hotline_resolved", "hotline", 154, "exact", "次"),
    ]


def test_closing_words_that_do_not_close_the_applications() -> None:
    # Replies to web messages are no closed applications.
    assert _facts("2021年共收到依申请公开5件，网民留言回复30条。") == [
        ("applications_received", "all", 5, "exact", "件")
    ]
    # Closed without an "all" word, and some carried forward: not all of them were closed.
    text = "全年收到政府信息公开申请12件，已按时办结，另有2件结转下年度办理。"
    assert [r[0] for r in _facts(text)] == [
        "applications_received",
        "applications_carried_forward",
    ]


def test_a_granted_count_in_a_breakdown_is_not_applications_closed() -> None:
    rows = _facts("本年度共收到政府信息公开申请3件，其中公开答复1件，告知答复2件。")
    assert [r[0] for r in rows] == ["applications_received"]
    # A closing verb alone in a breakdown is still the closed count.
    rows = _facts("共受理政府信息公开申请21件，其中已按期办结20件。")
    assert ("applications_closed", "all", 20, "exact", "件") in rows


def test_a_breakdown_in_brackets_ends_with_them() -> None:
    rows = _facts("收到申请30件（其中：网上申请25件，信函申请5件），上年结转2件，办结28件。")
    assert ("applications_received", "all", 30, "exact", "件") in rows
    assert ("applications_closed", "all", 28, "exact", "件") in rows
    # Inside the brackets the breakdown still holds.
    rows = _facts("全年收到信息公开申请30件（其中网上申请25件，已办结24件），办结28件。")
    assert ("applications_closed", "all", 24, "exact", "件") not in rows


def test_a_channel_in_a_breakdown_of_a_published_total_is_read_without_a_verb() -> None:
    assert _facts("全年主动公开政府信息1,860条（其中政府网站1,500条，微信公众号360条）。") == [
        ("items_published", "all", 1860, "exact", "条"),
        ("items_published", "website", 1500, "exact", "条"),
        ("items_published", "wechat_official", 360, "exact", "条"),
    ]
    # A breakdown of applications is not of items published, even on a website.
    rows = _facts("依申请公开方面，共受理申请50件，其中通过门户网站申请30件，信函申请20件。")
    assert [r[0] for r in rows] == ["applications_received"]
    # A breakdown by topic names no channel.
    assert _facts("主动公开政府信息452条，其中政策文件120条。") == [
        ("items_published", "all", 452, "exact", "条")
    ]
    # 包括 opens the same breakdown as 其中; its channel parts that add up make the count a total.
    assert _facts("全年主动公开信息400条，包括政府网站80条，微信公众号320条。") == [
        ("items_published", "all", 400, "exact", "条"),
        ("items_published", "website", 80, "exact", "条"),
        ("items_published", "wechat_official", 320, "exact", "条"),
    ]
    assert _facts("全年主动公开政务信息500条，包括政府网站80条，微信公众号320条。")[1:] == [
        ("items_published", "website", 80, "exact", "条"),
        ("items_published", "wechat_official", 320, "exact", "条"),
    ]
    # A breakdown of one part by topic (其中党建N条…) ends the list of channel parts.
    text = "全年发布信息600条，包括政府网站100条，微信公众号500条，其中党建90条、民生70条。"
    assert [f[:3] for f in _facts(text)] == [
        ("items_published", "all", 600),
        ("items_published", "website", 100),
        ("items_published", "wechat_official", 500),
    ]


def test_a_column_named_after_a_channel_among_topic_parts_is_no_channel_count() -> None:
    # Most parts name topics: 政府公报 is the website's column of that name, not the gazette.
    assert _facts(
        "全年主动公开政府信息300条，其中工作动态120条、通知公告90条、政府公报6条、其他信息84条。"
    ) == [("items_published", "all", 300, "exact", "条")]
    # Parts that name channels as often as not split the total by channel.
    rows = _facts("全年主动公开政府信息300条，其中政府网站260条、政府公报6条、微信公众号34条。")
    assert ("items_published", "gazette", 6, "exact", "条") in rows


def test_a_count_named_by_its_verb_and_applications_numbered_none() -> None:
    # 发布量: the count of what was published, its object named before the verb.
    assert _facts("全年政务微博信息发布量215条。") == [
        ("items_published", "weibo", 215, "exact", "条")
    ]
    # 申请数量为0: a count of none needs no measure word.
    assert _facts("2021年度收到和处理政府信息公开申请数量为0。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]
    assert _facts("2020年度收到政府信息公开申请数量为0。") == []  # another year
    assert _facts("收到行政复议申请数量为0。") == []  # disputes have their own table


def test_closed_in_a_manner_and_an_account_of_a_kind_of_channel() -> None:
    # 行政 or 书面 between the helper and the verb still closes what was counted.
    assert _facts("收到政府信息公开申请4件，已进行书面答复。") == [
        ("applications_received", "all", 4, "exact", "件"),
        ("applications_closed", "all", 4, "exact", "件"),
    ]
    # 新媒体 before a channel's own name says what kind of channel it is: one channel.
    assert _facts("在政务新媒体微博“青山发布”上，共计发布信息96条。") == [
        ("items_published", "weibo", 96, "exact", "条")
    ]
    # Named apart, they are two channels and no stated total.
    assert _facts("通过新媒体、微信公众号共计发布信息96条。") == []


def test_a_count_after_a_colon_counts_what_the_label_names() -> None:
    assert _facts("1、主动公开政府信息的情况：52条，内容涉及乡村振兴、安全生产等。") == [
        ("items_published", "all", 52, "exact", "条")
    ]
    # A channel's count after a colon still needs its verb or a total broken down.
    assert _facts("其中政府网站：30条。") == []


def test_no_applications_in_the_wordings_of_forms_and_applicants() -> None:
    none = [("applications_received", "all", 0, "exact", "件")]
    assert _facts("2、依申请公开政府信息的数量：无。") == none
    assert _facts("本年度未收到申请人提出的政府信息公开申请，故无不予公开情况。") == none


def test_received_and_closed_in_one_verb_and_answered_to_the_applicant() -> None:
    # 受理并办结N件: those closed are those received.
    assert _facts("全年受理并办结政府信息公开申请9件。") == [
        ("applications_received", "all", 9, "exact", "件"),
        ("applications_closed", "all", 9, "exact", "件"),
    ]
    # 收到和办理 stays received only: handled is not closed.
    assert [r[0] for r in _facts("全年收到和办理政府信息公开申请9件。")] == [
        "applications_received"
    ]
    # 已依法向申请人答复: to whom it was answered does not hide the answer.
    rows = _facts("收到政府信息公开申请1件，涉及征地补偿标准，已依法向申请人答复。")
    assert ("applications_closed", "all", 1, "exact", "件") in rows


def test_reading_rooms_are_channels_and_proactive_release_of_disclosure_information() -> None:
    # The archive's reading room beside the website: two channels, so the stated total.
    assert _facts("通过区政府网站和区档案馆政府信息查阅室主动公开政府信息16条。") == [
        ("items_published", "all", 16, "exact", "条")
    ]
    # 政务公开信息 is government information as a whole; its 公开 is no verb.
    assert _facts("2021年全镇主动发布政务公开信息45条。") == [
        ("items_published", "all", 45, "exact", "条")
    ]


def test_wechat_video_channels_are_short_video() -> None:
    # 微信视频号 is WeChat's video channel: one short-video channel, not WeChat and video.
    assert _facts("全年通过微信视频号发布短视频36条。") == [
        ("items_published", "short_video", 36, "exact", "条")
    ]


def test_applications_handled_with_those_carried_over_are_not_those_received() -> None:
    # 办理 counts what was received, unless the count says it includes those carried over.
    rows = _facts("全年共办理政府信息公开申请41件，含2020年转至今年办理的2件，办结40件。")
    assert [r[0] for r in rows] == ["applications_carried_over", "applications_closed"]
    assert ("applications_closed", "all", 40, "exact", "件") in rows
    # Then closed all: the closed are those handled.
    rows = _facts("全年共办理政府信息公开申请41件（含上年结转2件），均已按时办结。")
    assert ("applications_closed", "all", 41, "exact", "件") in rows
    assert "applications_received" not in [r[0] for r in rows]


def test_new_media_after_an_account_says_what_kind_it_is() -> None:
    # 新媒体 after an account, not listed with it, describes the account: one channel.
    assert _facts("“青山发布”微信公众号发挥新媒体传播优势，全年发布信息800余条。") == [
        ("items_published", "wechat_official", 800, "more_than", "条")
    ]
    # Listed with it (公众号等新媒体), it names channels of its own: no one channel.
    assert _facts("通过微信公众号等新媒体发布信息800余条。") == []


def test_closed_in_the_sentence_after_the_applications() -> None:
    rows = _facts("全年共收到政府信息公开申请52件，上年结转3件。目前已依法办结50件。")
    assert ("applications_closed", "all", 50, "exact", "件") in rows
    # After requests of another kind, or about the hotline, it closes no applications.
    assert _facts("全年受理行政许可申请500件。办结498件。") == []
    rows = _facts("共收到政府信息公开申请5件。办结12345热线工单20件。")
    assert "applications_closed" not in [r[0] for r in rows]


def test_counts_since_a_channel_opened_and_answered_in_the_set_time() -> None:
    # 自开设至今: a running total since the column opened, not the year's count.
    assert _facts("新开设“双语专栏”，自开设至今共发布政务信息100余条。") == []
    # 按规定时间完成答复 closes what was counted.
    assert _facts("全年收到依申请公开申请3件，已按规定时间完成答复。") == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 3, "exact", "件"),
    ]


def test_a_focus_two_clauses_back_limits_no_total() -> None:
    text = "聚焦群众关心的热点信息，加大公开力度，全年共发布规范性文件、财政资金等政务信息980条。"
    assert _facts(text) == [("items_published", "all", 980, "exact", "条")]
    # In the clause right before, the topic still limits the count.
    assert _facts("围绕疫情防控，发布政府信息51条。") == []


def test_received_and_closed_in_time_and_items_in_copies_and_filed_stories() -> None:
    assert _facts("全年共收到并按时办结9件政府信息公开申请。") == [
        ("applications_received", "all", 9, "exact", "件"),
        ("applications_closed", "all", 9, "exact", "件"),
    ]
    assert _facts("全年在网站主动公开信息620份，新媒体账号发稿1200条。") == [
        ("items_published", "website", 620, "exact", "份"),
        ("items_published", "other", 1200, "exact", "条"),
    ]


def test_posts_on_one_subject_and_requests_counted_as_cases() -> None:
    # 推文 after 发布 is the noun; posts related to one subject are a topic subset.
    assert _facts("通过微信公众号，发布就业创业相关推文46篇。") == []
    # 相关信息 alone is what the account published.
    assert _facts("开通了微信公众号，今年共推送相关信息290条。") == [
        ("items_published", "wechat_official", 290, "exact", "条")
    ]
    # Information requests counted as cases are still requests; none asked for in other words.
    assert _facts("全年共收到依申请公开政府信息案件7件。") == [
        ("applications_received", "all", 7, "exact", "件")
    ]
    assert _facts("本年度未接到群众要求公开的信息。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_hotline_orders_received_and_answered_in_one_verb_and_answers_given_by_the_rules() -> None:
    assert _facts("全年及时受理并回复12345系统工单21件。") == [
        ("hotline_received", "hotline", 21, "exact", "件"),
        ("hotline_resolved", "hotline", 21, "exact", "件"),
    ]
    rows = _facts("全年共收到政府信息公开申请8件，其中通过网络申请6件，全部按期予以规范答复。")
    assert ("applications_closed", "all", 8, "exact", "件") in rows


def test_a_named_new_media_account_posts_and_no_matters_asked() -> None:
    # 政务新媒体平台"某某发布"公众号: one WeChat account, its name in quotes.
    assert _facts("政务新媒体平台“青山发布”公众号共发布信息294条。") == [
        ("items_published", "wechat_official", 294, "exact", "条")
    ]
    # 发文: articles posted (微信公众号发文709篇).
    assert _facts("微信公众号发文709篇，微博发布832条。") == [
        ("items_published", "wechat_official", 709, "exact", "篇"),
        ("items_published", "weibo", 832, "exact", "条"),
    ]
    assert _facts("2021年未收到依申请公开事宜。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_closures_after_the_count_or_in_a_sentence_with_other_counts() -> None:
    # The closed part after the count, without 已, ending its clause.
    rows = _facts("全年收到依申请公开19件，其中17件在法定期限内完成答复，2件转至下年继续办理。")
    assert ("applications_closed", "all", 17, "exact", "件") in rows
    assert ("applications_carried_forward", "all", 2, "exact", "件") in rows
    # A kind of answer (答复公开) or a denial is no closed total.
    rows = _facts("新收到信息公开申请4件，其中3件依法依规答复公开，1件无法提供。")
    assert "applications_closed" not in [r[0] for r in rows]
    rows = _facts("全年收到依申请公开19件，其中3件未在规定时限内答复。")
    assert "applications_closed" not in [r[0] for r in rows]
    # A later sentence whose counts are no applications' own closes those counted before.
    text = "共收到政府信息公开申请12条。其中12条属于本机关不掌握的信息，所有申请件均予以答复。"
    assert ("applications_closed", "all", 12, "exact", "条") in _facts(text)


def test_the_count_of_what_was_proactively_published() -> None:
    assert _facts("政务信息公开主动公开总数146条，其中在政府网站公开信息101条。") == [
        ("items_published", "all", 146, "exact", "条"),
        ("items_published", "website", 101, "exact", "条"),
    ]


def test_handled_and_replied_reads_as_handled_and_matters_named_after_requests() -> None:
    # 办理回复 is 办理: received, then closed by the statement that all were answered.
    assert _facts("共办理回复依申请公开事项23件，均已按时答复。") == [
        ("applications_received", "all", 23, "exact", "件"),
        ("applications_closed", "all", 23, "exact", "件"),
    ]
    assert _facts("2021年度未收到公开信息申请有关事项。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_a_channel_in_a_breakdown_of_topics_and_nouns_after_the_count() -> None:
    # Among topic parts of a total that names no channel, a channel's part is one topic.
    assert _facts("全年累计公开各类信息37条，其中：通过区政府网站发布工作动态29条，审计结果1条，"
                  "审计公开2条。") == [("items_published", "all", 37, "exact", "条")]  # fmt: skip
    # After a channel's total, another channel's count is its own.
    rows = _facts("县政府网站发布各类政务信息300条，其中概况类信息30条，微信公众号发布信息75条。")
    assert ("items_published", "wechat_official", 75, "exact", "条") in rows
    # Nouns after the count, one after another (158份信息稿件).
    assert _facts("2021年，我局共主动公开158份信息稿件。") == [
        ("items_published", "all", 158, "exact", "份")
    ]
    # Answered to the applicant (对申请人), with a disclosure reply.
    rows = _facts("共收到依申请信息公开52件，均对申请人进行信息公开答复。")
    assert ("applications_closed", "all", 52, "exact", "件") in rows


def test_the_years_end_without_its_year_and_requests_counted_by_their_noun() -> None:
    # 截至12月31日 with no year: the end of the report's year, not a stock.
    assert _facts("截至12月31日，局政务网站共发布信息6782条。") == [
        ("items_published", "website", 6782, "exact", "条")
    ]
    assert _facts("我局2021年度依申请公开申请数为21件，截至12月31日已全部办结。") == [
        ("applications_received", "all", 21, "exact", "件"),
        ("applications_closed", "all", 21, "exact", "件"),
    ]
    assert _facts("2021年，市林业局没有接到依申请公开政府信息的请求。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_channel_words_that_name_no_place_of_publishing() -> None:
    # An account's name in quotes before its channel (“某某政府网”微信公众号) is no website.
    assert _facts("2021年，“青山政府网”微信公众号推送各类信息750条。") == [
        ("items_published", "wechat_official", 750, "exact", "条")
    ]
    # A channel named as content after the verb (发布政府公报、…等政府信息) is no channel.
    text = "依托区政府门户网站发布政府公报、行政规范性文件、政府会议信息等政府信息1100余条。"
    assert _facts(text) == [("items_published", "website", 1100, "more_than", "条")]
    # …but items of it (发布微信文章) are its own.
    assert _facts("全年发布微信文章300篇。") == [
        ("items_published", "wechat_official", 300, "exact", "篇")
    ]
    # Subjects joined, the agency's own office among them, are the agency.
    rows = _facts(
        "2021年，区政府及区政府办公室共收到政府信息公开申请60件。", agency="某区人民政府办公室"
    )
    assert rows == [("applications_received", "all", 60, "exact", "件")]


def test_facts_stated_in_section_two_are_read() -> None:
    sections = {
        "overview": "一年来工作平稳。",
        "proactive": "全年主动公开政府信息520条，其中通过政务微信发布120条，政务微博发布80条。",
    }
    got = [(f.metric, f.channel, f.value, f.section) for f in extract_facts(sections, 2021)]
    assert got == [
        ("items_published", "all", 520, "proactive"),
        ("items_published", "wechat_official", 120, "proactive"),
        ("items_published", "weibo", 80, "proactive"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年政府信息主动公开38条。", [("items_published", "all", 38, "exact", "条")]),
        ("全年主动公开政府信息，信息数160条。", [("items_published", "all", 160, "exact", "条")]),
        ("本年度共产生政府信息90条，其中主动公开54条。",
         [("items_published", "all", 54, "exact", "条")]),
        ("在门户网站公开工作动态、计划总结等信息161条。",
         [("items_published", "website", 161, "exact", "条")]),
        ("截至2021年12月31日，共主动公开政府信息161条。",
         [("items_published", "all", 161, "exact", "条")]),
        ("全年上网发布信息75条。", [("items_published", "website", 75, "exact", "条")]),
        ("政府网站更新信息2000余条。", [("items_published", "website", 2000, "more_than", "条")]),
        # A 、 opens the next item of a list: it says nothing of the count before it.
        ("门户网站发布信息5123条、微信公众号发布信息820条。",
         [("items_published", "website", 5123, "exact", "条"),
          ("items_published", "wechat_official", 820, "exact", "条")]),
        ("本单位公众号全年推送999篇公众号信息。",
         [("items_published", "wechat_official", 999, "exact", "篇")]),
        ("畅通12345政务服务便民热线，接听群众热线电话11通。",
         [("hotline_received", "hotline", 11, "exact", "通")]),
        ("本年度未收到公民、法人或其他组织向本行政机关提出的政府信息公开申请。",
         [("applications_received", "all", 0, "exact", "件")]),
        ("本机关无向申请人收取信息公开费用的情况。",
         [("fee_collected_yuan", "all", 0, "exact", "元")]),
    ],
)  # fmt: skip
def test_totals_and_channels_worded_outside_the_old_patterns(text: str, expected: list) -> None:
    assert _facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "截至2021年12月31日，累计主动公开政府信息10万余条。",  # a running total over years
        "截至2020年底，政府网站共发布信息5000条。",  # a stock at an earlier date
        "通过两微平台发布信息200条。",  # two channels in one word: no single channel
    ],
)
def test_running_totals_and_combined_channels_yield_nothing(text: str) -> None:
    assert _facts(text) == []


def test_explain_facts_gives_every_number_its_reason_and_agrees_with_the_facts() -> None:
    text = (
        "2021年，通过政府网站发布信息120条，占全部信息的40%；下一步，力争在网站发布信息200条。"
        "其他应主动公开的政府信息30条。全年未收到政府信息公开申请。"
    )
    readings = explain_facts({"overview": text}, 2021)
    by_number = {r.printed: r for r in readings}
    assert [r.printed for r in readings] == ["2021", "120条", "40", "200条", "30条", "(none)"]
    assert by_number["2021"].reason == "a year"
    assert by_number["40"].reason == "a percentage"
    assert "plan" in by_number["200条"].reason and by_number["200条"].metric is None
    assert "category" in by_number["30条"].reason
    taken = [(r.metric, r.channel, r.value) for r in readings if r.metric]
    facts = extract_facts({"overview": text}, 2021)
    assert taken == [(f.metric, f.channel, f.value) for f in facts]


def test_a_closing_count_in_the_sentence_after_the_applications() -> None:
    text = "全年共收到信息公开申请5件，其中1件申请人撤回。剩余4件已按时限予以答复。"
    assert _facts(text) == [
        ("applications_received", "all", 5, "exact", "件"),
        ("applications_closed", "all", 4, "exact", "件"),
    ]
    # After applications of another kind, a closing count closes none of ours.
    assert _facts("全年受理行政许可申请300件。剩余4件已按时限予以答复。") == []


def test_a_count_right_after_a_count_of_another_kind_shares_its_words() -> None:
    # 发布N期M条: issues, then the items in them, one verb and one channel for both.
    assert _facts("全年通过微信公众号推送18期52条信息。") == [
        ("items_published", "wechat_official", 52, "exact", "条")
    ]
    # Listed with a 、 between them, too; words between them are a count's own.
    assert _facts("政务微信全年推送信息48期、160条。") == [
        ("items_published", "wechat_official", 160, "exact", "条")
    ]
    assert _facts("开展宣传活动3次、在政府网站发布信息20条。") == [
        ("items_published", "website", 20, "exact", "条")
    ]


def test_information_the_body_itself_published_is_its_total() -> None:
    assert _facts("2021年，我局全年共发布信息215条，其中工作动态120条。") == [
        ("items_published", "all", 215, "exact", "条")
    ]
    # A department named as the subject publishes its own, not the report's.
    assert _facts("区审计局全年共发布信息215条。") == []


def test_a_subheading_run_into_its_first_sentence_is_no_subject() -> None:
    # (二)依申请公开 on a line of its own: joined, it opens the sentence; 我局 is the subject.
    text = "(二)依申请公开\n本年度我局共收到信息公开申请6件，均已按期答复。"
    assert _facts(text, 2021, agency="某县卫生健康局") == [
        ("applications_received", "all", 6, "exact", "件"),
        ("applications_closed", "all", 6, "exact", "件"),
    ]


def test_items_of_a_list_of_channels_share_its_first_verb() -> None:
    assert _facts("通过门户网站发布信息52篇、微信公众号40篇、今日头条9篇。") == [
        ("items_published", "website", 52, "exact", "篇"),
        ("items_published", "wechat_official", 40, "exact", "篇"),
        ("items_published", "other", 9, "exact", "篇"),
    ]
    # A list of topics names no channel: its items are no channel's.
    assert _facts("发布通知公告52篇、政策文件40篇、微信公众号9篇。") == []


def test_a_closing_rate_named_with_another_rate_closes_all() -> None:
    assert _facts("全年共收到政府信息公开申请7件，按期办结率与满意率均为100%。") == [
        ("applications_received", "all", 7, "exact", "件"),
        ("applications_closed", "all", 7, "exact", "件"),
    ]


def test_no_fee_taken_for_requests_is_a_zero_fee() -> None:
    assert _facts("未对申请人依申请公开政府信息收取任何费用。") == [
        ("fee_collected_yuan", "all", 0, "exact", "元")
    ]


def test_a_column_named_like_a_board_is_no_board() -> None:
    # 党务公开栏目 is a column of the site; 村务公开栏 a notice board.
    assert _facts("全年在党务公开栏目更新信息11条。") == []
    assert _facts("通过村务公开栏公布信息20条。") == [
        ("items_published", "offline_board", 20, "exact", "条")
    ]
    # Published 网上 is published on the website.
    assert _facts("全年网上公开政府信息35件。") == [
        ("items_published", "website", 35, "exact", "件")
    ]


def test_requests_and_calls_counted_in_jianci_keep_their_unit() -> None:
    assert _facts("全年共收到政府信息公开申请6件次，均已按期答复。") == [
        ("applications_received", "all", 6, "exact", "件次"),
        ("applications_closed", "all", 6, "exact", "件次"),
    ]


def test_the_first_of_a_list_of_kinds_of_content_is_one_part() -> None:
    # 动态N条、资讯N条…: each kind its count, and none of them all the site published.
    assert _facts("在县政府网站发布工作动态88条、教育资讯120条、通知公告31条。") == []
    # Information as such, then a kind after it: the first is the site's own count.
    assert _facts("在县政府网站发布信息239条、政策解读6篇。") == [
        ("items_published", "website", 239, "exact", "条")
    ]


def test_a_list_of_kinds_parted_by_commas_is_one_too() -> None:
    # The same list with commas between its kinds: no kind's count is all the site published.
    assert _facts("通过区政府网站发布工作动态46条，通知公告12条，财政资金8条。") == []
    # A comma and a clause of its own (another verb, a breakdown) opens no list.
    assert _facts("在政府网站发布信息95条，其中政策文件3条。") == [
        ("items_published", "website", 95, "exact", "条")
    ]


def test_an_accounts_own_posts_before_its_reposts_are_its_count() -> None:
    # 原创N条、转发M条 splits posts by where they came from, no list of kinds: the own are read.
    for text in (
        "“某某医保”微信公众号发布原创信息64条、转发信息130条。",
        "“某某医保”微信公众号发布原创信息64条，转载信息130条。",
    ):
        assert _facts(text) == [("items_published", "wechat_official", 64, "exact", "条")]


def test_a_body_working_round_its_central_tasks_is_no_department() -> None:
    # 中心 of 围绕中心工作 ends no department's name (政务服务中心 does).
    text = "2021年，某某乡紧密围绕中心工作，通过某某乡人民政府网站主动公开政府信息27条。"
    assert _facts(text) == [("items_published", "website", 27, "exact", "条")]
    assert _facts("县政务服务中心通过门户网站发布信息60条。") == []


def test_zero_statements_of_requests_and_fees_in_longer_words() -> None:
    assert _facts("2021年，我乡未收到依申请公开要求。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]
    text = "街道未向公民、法人和其他组织收取任何与政府信息公开工作相关的费用。"
    assert _facts(text) == [("fee_collected_yuan", "all", 0, "exact", "元")]


def test_applications_received_listed_by_way_and_summed_are_their_sum() -> None:
    text = "全年共收到网上申请36件，邮寄申请9件，合计45件，已答复43件。"
    assert _facts(text) == [
        ("applications_received", "all", 45, "exact", "件"),
        ("applications_closed", "all", 43, "exact", "件"),
    ]
    # A sum that is not theirs sums nothing: the first count stays the one received.
    rows = _facts("全年共收到网上申请36件，邮寄申请9件，合计50件。")
    assert rows == [("applications_received", "all", 36, "exact", "件")]


def test_a_list_of_channels_after_issues_and_items_shares_its_verb() -> None:
    assert _facts("政务微信发布信息120期480条、政务微博350条。") == [
        ("items_published", "wechat_official", 480, "exact", "条"),
        ("items_published", "weibo", 350, "exact", "条"),
    ]


def test_information_related_to_the_body_itself_is_no_topic() -> None:
    text = "通过区政府门户网站主动公开区档案馆相关信息86条。"
    assert _facts(text, agency="某某区档案馆") == [
        ("items_published", "website", 86, "exact", "条")
    ]
    # Related to one subject, it is a topic's.
    assert _facts("通过区政府门户网站主动公开职业技能相关信息86条。", agency="某某区档案馆") == []


def test_no_fee_taken_in_a_sentence_about_requests() -> None:
    text = "受理的公开申请均已按时答复，且未收取任何费用。"
    assert ("fee_collected_yuan", "all", 0, "exact", "元") in _facts(text)
    # 收费 as the verb and its object in one word (未向申请人收费).
    text = "办理中均严格执行《条例》，未向申请人收费。"
    assert _facts(text) == [("fee_collected_yuan", "all", 0, "exact", "元")]
    # A charge of another kind stated as none is no fee of the applications.
    assert _facts("本年度无行政事业性收费，未收费项目3个。") == []


def test_applications_named_as_the_next_sentences_subject_are_those_counted() -> None:
    # 申请件均…: the applications, as the subject of the next sentence, all closed.
    text = "2021年共受理依申请公开12件，其中网络申请7件。申请件均在规定时限内妥善处理并答复。"
    assert _facts(text) == [
        ("applications_received", "all", 12, "exact", "件"),
        ("applications_closed", "all", 12, "exact", "件"),
    ]
    # Named as the subject of something else, they are not closed.
    text = "2021年共受理依申请公开12件。申请均为自然人申请。"
    assert _facts(text) == [("applications_received", "all", 12, "exact", "件")]


def test_information_of_the_bodys_own_field_is_no_topic() -> None:
    # 生态环境领域相关信息 of an ecology bureau: all it published on the site, not a topic's.
    text = "2023年，官网发布生态环境领域相关信息812条。"
    assert _facts(text, 2023, agency="某市生态环境局") == [
        ("items_published", "website", 812, "exact", "条")
    ]
    # Another body's field is a topic.
    assert _facts(text, 2023, agency="某市民政局") == []


def test_closing_words_joined_by_bing_close_what_was_counted() -> None:
    text = "全年共受理政府信息公开申请5件，申请内容属于政策咨询并依法予以答复。"
    assert _facts(text) == [
        ("applications_received", "all", 5, "exact", "件"),
        ("applications_closed", "all", 5, "exact", "件"),
    ]
    # Another count between them: the closing words are that count's.
    text = "全年共受理政府信息公开申请5件，其中3件并依法予以答复。"
    assert ("applications_closed", "all", 5, "exact", "件") not in _facts(text)
    # The 并 of a word (合并处理: handled together) joins nothing.
    text = "全年共受理政府信息公开申请5件，内容相同的合并处理。"
    assert _facts(text) == [("applications_received", "all", 5, "exact", "件")]


def test_requests_all_answered_by_disclosure_are_closed() -> None:
    assert _facts("全年共收到申请公开政府信息6例，均在规定时间内予以公开。") == [
        ("applications_received", "all", 6, "exact", "例"),
        ("applications_closed", "all", 6, "exact", "例"),
    ]


def test_no_requests_in_a_list_of_what_did_not_happen() -> None:
    assert _facts("2021年未收到政府信息公开申请、行政复议及行政诉讼等情况。") == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_a_closing_statement_that_cites_the_regulation_by_title() -> None:
    text = "全年共收到依申请公开3件，均已按照《中华人民共和国政府信息公开条例》按时答复办结。"
    assert _facts(text) == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 3, "exact", "件"),
    ]


def test_requests_there_were_are_requests_received() -> None:
    assert _facts("2021年度有2件依申请公开信息。") == [
        ("applications_received", "all", 2, "exact", "件")
    ]


def test_requests_there_were_that_were_charged_a_fee_are_not_all_received() -> None:
    # 有N件申请 counts requests received, unless the clause says a fee was charged for them:
    # then it counts those charged (a part), and the fee is read as such.
    assert _facts("本年度有3件依申请公开事项收取信息处理费150元。") == [
        ("fee_collected_yuan", "all", 150, "exact", "元")
    ]
    assert _facts("2021 年有 2 件政府信息公开申请收取信息处理费 90 元。") == [
        ("fee_collected_yuan", "all", 90, "exact", "元")
    ]
    # A charge denied is no part: the requests there were are still those received (and the
    # fee is a zero).
    assert sorted(_facts("全年有4件依申请公开未收取费用。")) == [
        ("applications_received", "all", 4, "exact", "件"),
        ("fee_collected_yuan", "all", 0, "exact", "元"),
    ]


def test_an_office_named_after_petitions_counts_information_requests() -> None:
    # 信访 names petitions, not information requests, except in an office's name: a petition
    # bureau (信访局, 信访办) reports the information requests it received like any body.
    text = "2025年，某县信访局共受理政府信息公开申请4件，均已按时答复。"
    assert _facts(text, 2025, agency="某县信访局") == [
        ("applications_received", "all", 4, "exact", "件"),
        ("applications_closed", "all", 4, "exact", "件"),
    ]
    assert _facts("2025年，县信访办收到政府信息公开申请2件。", 2025) == [
        ("applications_received", "all", 2, "exact", "件")
    ]
    # Petitions themselves are still no information requests.
    assert _facts("全年受理信访件30件，信访办理120件。", 2025) == []


def test_decisions_of_table_2s_kind_handled_are_no_applications_closed() -> None:
    # A summary of table 2 in words, under a heading that names applications: licensing
    # decisions handled (办理行政许可处理决定数量) are no applications closed.
    text = (
        "(2)申请公开政府信息行政许可事项：2020年共办理行政许可处理决定数量210件，"
        "比上年减少12件。(3)收到和处理政府信息公开申请情况：2020年新收政府信息公开申请数量5件。"
    )
    assert _facts(text, 2020) == [("applications_received", "all", 5, "exact", "件")]


def test_a_channel_with_its_own_count_later_is_not_an_earlier_counts() -> None:
    # The site is named in a clause before the total, and counted again after it with a count
    # of its own: the total is the body's, not the site's.
    text = (
        "我局优化了县政府门户网站栏目，2024年我局主动公开信息共210条，"
        "通过政府门户网站发布信息60条、通过微信公众号发布信息150条。"
    )
    assert _facts(text, 2024) == [
        ("items_published", "all", 210, "exact", "条"),
        ("items_published", "website", 60, "exact", "条"),
        ("items_published", "wechat_official", 150, "exact", "条"),
    ]
    # A site named before and not counted again still gives the count its channel.
    text = "我局依托县政府门户网站，2024年主动公开政府信息88条。"
    assert _facts(text, 2024) == [("items_published", "website", 88, "exact", "条")]


def test_an_outcome_after_a_list_mark_is_the_next_items() -> None:
    # 办结7件、结转下一年度3件: carried forward are the 3, the 7 closed.
    text = "2025年度新收政府信息公开申请10件，办结7件、结转下一年度3件。"
    assert _facts(text, 2025) == [
        ("applications_received", "all", 10, "exact", "件"),
        ("applications_closed", "all", 7, "exact", "件"),
        ("applications_carried_forward", "all", 3, "exact", "件"),
    ]


def test_documents_issued_are_no_items_published() -> None:
    # 发文 with no channel and no object: official documents issued, not information published.
    text = "2021年，我镇共发文96件，其中主动公开文件0件，不公开文件96件。"
    assert _facts(text) == []
    # On a channel it posts items (微信公众号发文709篇).
    assert _facts("2021年，微信公众号发文709篇。") == [
        ("items_published", "wechat_official", 709, "exact", "篇")
    ]


def test_matters_to_handle_received_are_received() -> None:
    # 办理事项 (matters to handle) is a noun after the receiving verb, no closing verb.
    text = "2024年，共收到依申请公开办理事项7件，其中，6件均严格按时限依法依规答复。"
    assert _facts(text, 2024) == [
        ("applications_received", "all", 7, "exact", "件"),
        ("applications_closed", "all", 6, "exact", "件"),
    ]


def test_a_channel_summed_with_a_platform_named_beside_it_is_not_its_count() -> None:
    # 微信公众平台及美篇共计…: the account and another platform together, not the account's.
    assert _facts("通过区政府网站发布信息20条，微信公众平台及美篇共计发布信息185条。") == [
        ("items_published", "website", 20, "exact", "条")
    ]
    # 及 with no summing word joins nothing to the count.
    assert _facts("通过微信公众号及时发布信息185条。") == [
        ("items_published", "wechat_official", 185, "exact", "条")
    ]


def test_a_sentence_opening_with_ju_is_the_bodys_own() -> None:
    # 局官网… (the bureau's own site) opens with 局 itself: no department named.
    text = "局官网紧扣省局重点工作内容，全年公开政府信息1820条。"
    assert _facts(text, 2024, agency="某省某某管理局") == [
        ("items_published", "website", 1820, "exact", "条")
    ]
    # A department named before its 局 is still another body's figure.
    assert _facts("区财政局官网全年公开政府信息90条。", 2024, agency="某区教育局") == []


def test_other_ways_written_with_ta_and_no_requests_of_that_kind() -> None:
    # 其它方式 (其他 written with 它) is the channel other, as 其他方式 is.
    text = "2025年通过官网发布34条，通过微信公众号发布2条，其它方式发布0条。"
    assert _facts(text, 2025) == [
        ("items_published", "website", 34, "exact", "条"),
        ("items_published", "wechat_official", 2, "exact", "条"),
        ("items_published", "other", 0, "exact", "条"),
    ]
    # 没有接到依申请公开方面的诉求: no information requests.
    assert _facts("2025年我局没有接到依申请公开方面的诉求。", 2025) == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_closing_words_of_a_part_counted_after_the_total_close_that_part() -> None:
    # 121件均…完成答复工作: the 121 were closed, not the 133 received.
    text = (
        "2025年度共收到依申请公开133件，121件均在规定时间内完成答复工作，12件结转下年度继续办理。"
    )
    assert _facts(text, 2025) == [
        ("applications_received", "all", 133, "exact", "件"),
        ("applications_closed", "all", 121, "exact", "件"),
        ("applications_carried_forward", "all", 12, "exact", "件"),
    ]


def test_replied_by_email_closes_and_no_disclosure_fee_is_a_zero() -> None:
    text = "共受理依申请公开12件，已邮件回复。全年无信息公开收费的事项。"
    assert _facts(text) == [
        ("applications_received", "all", 12, "exact", "件"),
        ("applications_closed", "all", 12, "exact", "件"),
        ("fee_collected_yuan", "all", 0, "exact", "元"),
    ]


def test_information_as_such_through_a_channel_in_a_breakdown_of_topics_is_its_share() -> None:
    # Topics, then what went out through other ways (通过其他方式公开信息数268条): the channel's.
    text = (
        "我局主动公开信息495条，其中，行政许可结果124条，公示公告56条，"
        "通过其他方式公开信息数268条。"
    )
    assert _facts(text, 2025) == [
        ("items_published", "all", 495, "exact", "条"),
        ("items_published", "other", 268, "exact", "条"),
    ]
    # A topic through a channel in such a breakdown is still one topic's count.
    text = "全年主动公开政府信息37条，其中：通过网站发布审计动态29条，审计结果1条。"
    assert _facts(text, 2025) == [("items_published", "all", 37, "exact", "条")]


def test_disclosed_information_after_the_count_and_related_requests() -> None:
    # 发布127条公开信息: information said to be disclosed is information; the plain noun still is.
    for text in ("区人民政府网站发布127条公开信息。", "区人民政府网站发布127条信息。"):
        assert _facts(text, 2024) == [("items_published", "website", 127, "exact", "条")]
    # 收到2条…相关申请: requests named after their count, with 相关.
    assert _facts("2024年度收到2条政府信息公开相关申请。", 2024) == [
        ("applications_received", "all", 2, "exact", "条")
    ]


def test_handled_then_one_carried_to_the_next_years_number_is_received() -> None:
    # 结转到2025年度 names the next year by its number: some carried forward, so those handled
    # are those received.
    text = "2024年，累计办理依申请公开信息合计20件，18件按期限答复办结，1件结转到2025年度办理。"
    assert ("applications_received", "all", 20, "exact", "件") in _facts(text, 2024)
    assert ("applications_closed", "all", 20, "exact", "件") not in _facts(text, 2024)


def test_ways_listed_with_deng_are_the_channel_other() -> None:
    # Channels listed as examples of the other ways (…等其他方式): the other ways' count.
    text = "2024年主动公开信息共51条。利用广播、报纸、展板及微信群等其他方式公开政府信息数22条。"
    assert _facts(text, 2024) == [
        ("items_published", "all", 51, "exact", "条"),
        ("items_published", "other", 22, "exact", "条"),
    ]
    # Ways no channel names, listed with 等方式: other too, not a second total.
    text = (
        "全年累计主动公开政府信息162条。此外，还通过面对面交流、召开村民代表大会以及张贴"
        "宣传资料等方式，公开各类政府信息42条。"
    )
    assert _facts(text, 2024) == [
        ("items_published", "all", 162, "exact", "条"),
        ("items_published", "other", 42, "exact", "条"),
    ]
    # Forms of content (图文、视频等形式) are no ways of publishing.
    text = "以图文、视频等形式及时发布信息，全年发布各类信息57条。"
    assert ("items_published", "other", 57, "exact", "条") not in _facts(text, 2024)


def test_the_next_sentence_says_what_was_asked_then_closes_it() -> None:
    # 收到申请1件。涉及…，已在法定时限内予以答复: the one request, closed.
    text = "2025年，收到政府信息公开申请1件。涉及“林木面积”等相关信息，已在法定时限内予以答复。"
    assert _facts(text, 2025) == [
        ("applications_received", "all", 1, "exact", "件"),
        ("applications_closed", "all", 1, "exact", "件"),
    ]
    # Several need an "all" word; a sentence about something else closes nothing.
    text = "2025年，收到政府信息公开申请3件。申请内容主要涉及规划信息，均已按时答复。"
    assert ("applications_closed", "all", 3, "exact", "件") in _facts(text, 2025)
    text = "2025年，收到政府信息公开申请3件。为进一步规范办理，已完善答复流程。"
    assert _facts(text, 2025) == [("applications_received", "all", 3, "exact", "件")]


def test_the_office_named_as_the_closing_clauses_subject_closes_those_counted() -> None:
    # 未央区: a place's 未 is no denial of the closing (未能在规定时限内答复 is).
    text = (
        "2025年，共收到依申请公开3件，未央区审计局已在《条例》规定的期限内办理完毕，"
        "并依照申请人要求，通过快递、网站等方式进行答复。"
    )
    assert _facts(text, 2025) == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 3, "exact", "件"),
    ]


def test_publicity_reports_in_the_media_are_no_items() -> None:
    # 宣传报道信息 ends with 信息 but is publicity placed in the media, as 报道 alone is.
    text = "2025年，我局主动公开信息23篇，在各级新闻媒体刊发宣传报道信息16条。"
    assert _facts(text, 2025) == [("items_published", "all", 23, "exact", "篇")]


def test_no_calls_to_the_hotline_is_a_zero() -> None:
    assert _facts("2025年度未接到12345政府热线电话和群众来信来访。", 2025) == [
        ("hotline_received", "hotline", 0, "exact", "件")
    ]
    # No hotline word: no hotline zero.
    assert _facts("2025年度未接到群众来信来访。", 2025) == []


def test_a_count_still_being_handled_is_not_closed() -> None:
    assert _facts("全年共收到申请9件，答复完毕8件，办理中1件。") == [
        ("applications_received", "all", 9, "exact", "件"),
        ("applications_closed", "all", 8, "exact", "件"),
    ]
    assert _facts("12345热线受理诉求120件，办结117件，处理中3件。")[1:] == [
        ("hotline_resolved", "hotline", 117, "exact", "件")
    ]


def test_a_mailbox_named_after_the_hotline_has_its_own_count() -> None:
    assert _facts("回复12345工单共52件，局长信箱回复6件。") == [
        ("hotline_resolved", "hotline", 52, "exact", "件")
    ]


def test_submitting_information_to_archives_is_no_publishing() -> None:
    # 报送 (sent to the archives); the 公开 of 政务公开信息 is part of a noun.
    assert _facts("按时向档案馆、图书馆报送政务公开信息120条。") == []


def test_a_request_named_as_asking_to_disclose_information() -> None:
    # The 公开 of 公开政府信息的申请 is the request's, not a publishing verb.
    assert _facts("2022年，共收到自然人的公开政府信息的申请3条。", 2022) == [
        ("applications_received", "all", 3, "exact", "条")
    ]


def test_items_taken_up_by_a_site_are_that_sites() -> None:
    text = "区档案局全年主动公开并被区政府网站采用58条。"
    assert _facts(text, agency="某市某区档案局") == [
        ("items_published", "website", 58, "exact", "条")
    ]


def test_statements_in_a_list_share_the_verb_before_a_semicolon() -> None:
    text = "官方微博发布信息118条；官方微信公众号发布信息201条；官方抖音93条。"
    assert _facts(text) == [
        ("items_published", "weibo", 118, "exact", "条"),
        ("items_published", "wechat_official", 201, "exact", "条"),
        ("items_published", "short_video", 93, "exact", "条"),
    ]


def test_a_list_of_kinds_ending_with_deng_is_all_the_site_published() -> None:
    text = "在县人民政府门户网站发布工作信息、出让公告、登记公告等共126条。"
    assert _facts(text) == [("items_published", "website", 126, "exact", "条")]
    # With no channel and no proactive verb it is no stated total.
    assert _facts("发布通知公告、工作动态等共50条。") == []
    # Document types alone are documents, not items of information; the gazette's issues that
    # carried them are its count (as the held-out readers of the tenth round read it).
    assert _facts("全年共编发政府公报12期，刊登政府规章、规范性文件等86件。") == [
        ("items_published", "gazette", 12, "exact", "期")
    ]


def test_a_channel_opening_the_sentence_is_the_subject_of_its_later_count() -> None:
    text = "“某某医保”微信公众号粉丝1.2万余人，同比增长8%，活跃度40%，全年共发布信息390篇。"
    assert _facts(text) == [("items_published", "wechat_official", 390, "exact", "篇")]
    # Another channel named after it takes its place: no one channel.
    text = "网站访问量120万人次，公众号关注3万人，同比增长8%，活跃度40%，全年共发布信息390篇。"
    assert _facts(text) == []


def test_an_aside_in_brackets_does_not_part_a_count_from_its_verb() -> None:
    # The verb and what it counts stand before the aside; the count after it.
    assert _facts("全年共受理公开申请（含线上申请）17件，均已按期答复。") == [
        ("applications_received", "all", 17, "exact", "件"),
        ("applications_closed", "all", 17, "exact", "件"),
    ]
    assert _facts("受理承办12345热线（市民热线）诉求共计4810件，已办结4810件。") == [
        ("hotline_received", "hotline", 4810, "exact", "件"),
        ("hotline_resolved", "hotline", 4810, "exact", "件"),
    ]
    # What the aside leaves out is not what was counted.
    assert _facts("本年度共收到信息公开申请（不含咨询）6件。") == [
        ("applications_received", "all", 6, "exact", "件")
    ]
    # A count inside the aside keeps the words before it: the count after has none of its own.
    assert _facts("共收到申请（含上年结转2件）9件。") == [
        ("applications_carried_over", "all", 2, "exact", "件")
    ]


def test_facts_alone_are_the_facts_of_the_full_reading() -> None:
    # extract_facts builds no readings and passes over sentences with neither a count nor a
    # negation; what it finds must be exactly what the full reading (explain) finds.
    from disclosure_metrics.narrative import _read_text

    from .conftest import CORPUS

    reports = CORPUS / "reports"
    paths = [SAMPLE, *(sorted(reports.glob("*.txt")) if reports.is_dir() else [])]
    read = 0
    for path in paths:
        if "legacy" in path.name:
            continue
        report = parse_file(path)
        for key, raw in report.section_text.items():
            full = _read_text(raw, key, report.year, report.agency, explain=True)
            alone = _read_text(raw, key, report.year, report.agency, explain=False)
            assert alone == (full[0], []), (path.name, key)
            read += len(full[0])
    assert read > 0


def test_a_sentence_that_opens_by_closing_all_closes_the_applications_before_it() -> None:
    text = "全年共收到政府信息公开申请4件，其中网上申请3件、信函申请1件。均已在法定期限内答复。"
    assert _facts(text) == [
        ("applications_received", "all", 4, "exact", "件"),
        ("applications_closed", "all", 4, "exact", "件"),
    ]
    # Only right after the sentence that counted them, and only when it says "all".
    assert _facts("全年共收到申请4件。网站发布信息20条。均已按时答复。") == [
        ("applications_received", "all", 4, "exact", "件"),
        ("items_published", "website", 20, "exact", "条"),
    ]
    assert _facts("全年共收到申请4件。已按时答复。") == [
        ("applications_received", "all", 4, "exact", "件")
    ]


def test_a_sentence_that_opens_by_resolving_all_resolves_the_calls_before_it() -> None:
    assert _facts("12345热线全年受理群众诉求230件。已全部按时办结。") == [
        ("hotline_received", "hotline", 230, "exact", "件"),
        ("hotline_resolved", "hotline", 230, "exact", "件"),
    ]
    # A count resolved is stated: the next sentence adds nothing.
    assert _facts("12345热线全年受理群众诉求230件，办结228件。均已按时答复。") == [
        ("hotline_received", "hotline", 230, "exact", "件"),
        ("hotline_resolved", "hotline", 228, "exact", "件"),
    ]


def test_information_disclosure_received_is_requests_without_the_word_application() -> None:
    # 提交政府信息公开N件 after a receiving verb counts requests, not items published.
    assert _facts("2024年，我局接收网上提交的政府信息公开7件。", 2024, agency="某县某局") == [
        ("applications_received", "all", 7, "exact", "件")
    ]


def test_what_channels_counted_as_such_published_is_theirs_not_the_total() -> None:
    text = "政务微博和抖音号两个政务新媒体账号发布各类信息820条。"
    assert _facts(text) == []
    # Channels listed with 等 and a total noun: all the body published, as before.
    text = "通过政府网站、政务微博、微信公众号等渠道共发布各类信息5000条。"
    assert _facts(text) == [("items_published", "all", 5000, "exact", "条")]


def test_a_templates_rows_of_website_and_other_ways_are_channel_counts() -> None:
    # A provincial template's rows: 政府网站公开政府信息数, 其他方式公开政府信息数, 规范性文件数.
    text = (
        "主动公开信息总数212条，其中政府网站公开政府信息数150条，"
        "其他方式公开政府信息数62条，规范性文件数2条。"
    )
    assert _facts(text) == [
        ("items_published", "all", 212, "exact", "条"),
        ("items_published", "website", 150, "exact", "条"),
        ("items_published", "other", 62, "exact", "条"),
    ]
    # Other ways alone are a channel, not all that was published.
    assert _facts("通过其他方式公开政府信息20条。") == [
        ("items_published", "other", 20, "exact", "条")
    ]


def test_requests_counted_in_xiang() -> None:
    assert _facts("本年度收到3项依申请公开事项，均已按时答复。") == [
        ("applications_received", "all", 3, "exact", "项"),
        ("applications_closed", "all", 3, "exact", "项"),
    ]


def test_messages_of_several_ways_in_with_the_hotline_are_not_the_hotlines() -> None:
    assert _facts("回复“书记信箱”“网络问政”“12345”等平台的群众诉求86条。") == []
    assert _facts("市长信箱和12345热线共受理群众诉求500件。") == []
    # Messages left on the hotline are its own (办理 alone: those that came in).
    assert _facts("办理12345热线留言120件。") == [
        ("hotline_received", "hotline", 120, "exact", "件")
    ]


def test_a_topic_clause_with_its_own_verb_does_not_scope_the_next_count() -> None:
    text = "围绕就业、社保等选题精选内容推送，“某某人社”微信公众号发布推文412篇。"
    assert _facts(text) == [("items_published", "wechat_official", 412, "exact", "篇")]
    # A topic that scopes the count's own verb still makes it a part.
    assert _facts("围绕疫情防控，通过微信公众号发布信息50条。") == []


def test_a_topic_clause_before_a_clause_opened_by_the_year_does_not_scope_it() -> None:
    # 聚焦…, then a clause of the year's own count (全年, 2024年): the body's focus, not a part.
    text = "聚焦优抚安置、就业创业等核心业务，全年主动公开信息61条，其中政策文件5条。"
    assert _facts(text, 2024) == [("items_published", "all", 61, "exact", "条")]
    text = "围绕医保待遇等群众关切，2024年通过政府网站发布信息70条。"
    assert _facts(text, 2024) == [("items_published", "website", 70, "exact", "条")]
    # The year inside the topic's own clause changes nothing: the topic still scopes the count.
    assert _facts("全年围绕疫情防控，通过微信公众号发布信息50条。", 2024) == []


def test_a_departments_part_of_the_portal_broken_down_again_is_its_website() -> None:
    text = (
        "全年共发布各类信息1500条，其中，通过部门频道主动公开政府信息620条，"
        "含规范性文件类信息3条，其他文件类信息617条。"
    )
    assert _facts(text) == [
        ("items_published", "all", 1500, "exact", "条"),
        ("items_published", "website", 620, "exact", "条"),
    ]


def test_applications_and_those_carried_over_summed_are_no_received_count() -> None:
    text = "2024年新收到政府信息公开申请5件，上年结转2件，共计7件。目前依法办结7件。"
    facts = _facts(text, 2024)
    assert ("applications_received", "all", 5, "exact", "件") in facts
    assert ("applications_received", "all", 7, "exact", "件") not in facts


def test_requests_for_disclosure_called_demands_are_requests() -> None:
    text = "本单位接到依申请公开方面的诉求3件，均依法作出答复。"
    assert _facts(text) == [
        ("applications_received", "all", 3, "exact", "件"),
        ("applications_closed", "all", 3, "exact", "件"),
    ]


def test_events_named_right_after_their_count() -> None:
    assert _facts("先后通过召开6次新闻发布会、参加访谈等方式解读政策。") == [
        ("other", "press_conference", 6, "exact", "次")
    ]
    assert _facts("召开4次会议。") == []


def test_requests_received_then_all_granted_are_received_and_closed() -> None:
    assert _facts("收到政府信息公开申请4项全部予以公开，无上年结转申请。") == [
        ("applications_received", "all", 4, "exact", "项"),
        ("applications_closed", "all", 4, "exact", "项"),
    ]


def test_one_event_of_each_kind_is_not_their_count() -> None:
    assert _facts("召开“3·15”、“质量月”主题新闻发布会各1次。") == []


def test_a_count_since_a_channel_opened_is_no_years_count() -> None:
    text = "2024年，通过政府网站公开信息12条；“某某发布”公众号开通至今，累计发布图文信息880条。"
    assert _facts(text, 2024) == [("items_published", "website", 12, "exact", "条")]
    # The year named in the count's clause makes it the year's.
    assert _facts("公众号开通以来，全年发布信息300条。") == [
        ("items_published", "wechat_official", 300, "exact", "条")
    ]


@pytest.mark.parametrize(
    ("text", "received", "closed"),
    [
        # Closing words with their timing and without 已, in the clause after the count.
        ("全年共收到依申请公开申请1件，在法定时限内完成审查、办理与答复。", 1, 1),
        ("共收到政府信息公开申请2件，按时予以答复。", 2, 2),
        # The steps before the closing verb, listed with it.
        ("共收到政府信息公开申请3件，均在规定期限内完成审查、办理和答复。", 3, 3),
    ],
)
def test_closed_with_a_timing_and_without_done(text: str, received: int, closed: int) -> None:
    assert _facts(text) == [
        ("applications_received", "all", received, "exact", "件"),
        ("applications_closed", "all", closed, "exact", "件"),
    ]


def test_a_timed_answer_of_some_is_no_closing_of_all() -> None:
    # The closing clause counts its own: 1 answered, not the 2 received.
    assert _facts("共收到政府信息公开申请2件，按时答复1件。") == [
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 1, "exact", "件"),
    ]
    # A denial before the timing closes nothing.
    assert _facts("共收到政府信息公开申请2件，未能在规定时限内答复。") == [
        ("applications_received", "all", 2, "exact", "件")
    ]
    # Not the clause right after the count's.
    assert _facts("共收到政府信息公开申请2件，涉及征地补偿，按时予以答复。") == [
        ("applications_received", "all", 2, "exact", "件")
    ]


def test_all_closed_after_those_carried_over_is_no_count_stated() -> None:
    """All closed, after the received and those carried over are counted: the closed are
    their sum, which the text does not state."""
    text = "全年收到政府信息公开申请34件，上年结转政府信息公开申请2件，所有申请均已按要求办理完成。"
    assert [row[0] for row in _facts(text)] == [
        "applications_received",
        "applications_carried_over",
    ]
    # None carried over: the received were all closed.
    text = "全年收到政府信息公开申请34件，上年结转0件，所有申请均已按要求办理完成。"
    assert ("applications_closed", "all", 34, "exact", "件") in _facts(text)


def test_the_published_part_counted_with_a_suffix() -> None:
    """其中主动公开信息数24条: the part of what was made that was published, its count named
    with 数 as the template's rows name it."""
    text = "2024年我单位共制作信息30条，其中主动公开信息数24条，依申请公开信息数6条。"
    assert _facts(text, 2024) == [("items_published", "all", 24, "exact", "条")]


def test_the_parts_of_a_running_total_are_no_years_count() -> None:
    text = "截至2024年12月31日，官方微博共累计发布微博300条，其中原创微博40条，转发微博260条。"
    assert _facts(text, 2024) == []
    # Parts with a verb of their own, too.
    text = (
        "截至2024年12月31日，累计发布信息300条，其中通过门户网站发布260条，通过微信公众号发布40条。"
    )
    assert _facts(text, 2024) == []
    # The parts of the year's total are the channels' own.
    text = "2024年共发布信息300条，其中门户网站260条，微信公众号40条。"
    assert _facts(text, 2024)[1:] == [
        ("items_published", "website", 260, "exact", "条"),
        ("items_published", "wechat_official", 40, "exact", "条"),
    ]


def test_an_aside_between_what_was_published_and_its_count() -> None:
    assert _facts("通过微信公众号公开工作动态（含原创、转发等）379条。") == [
        ("items_published", "wechat_official", 379, "exact", "条")
    ]
    assert _facts("在政府网站发布信息（含转载）120条。") == [
        ("items_published", "website", 120, "exact", "条")
    ]


def test_press_events_named_after_their_count_and_their_parts() -> None:
    text = "全年共举办86场市政府新闻发布活动。其中，防汛专题新闻发布会举行12场。"
    assert _facts(text) == [("other", "press_conference", 86, "exact", "场")]
    # Events of another kind broken down: the press conferences are their own count.
    text = "全年开展各类宣传活动20场，其中召开新闻发布会5场。"
    assert _facts(text) == [("other", "press_conference", 5, "exact", "场")]


def test_the_published_part_of_every_kind_and_closing_named_as_handled_and_replied() -> None:
    text = "通过区政府门户网站发布信息900条，其中主动公开各类政府信息410条。"
    assert ("items_published", "all", 410, "exact", "条") in _facts(text)
    text = "全区共收到政府信息公开申请40件，规范答复流程，办复率100%。"
    assert _facts(text) == [
        ("applications_received", "all", 40, "exact", "件"),
        ("applications_closed", "all", 40, "exact", "件"),
    ]


def test_answered_among_other_outcomes_is_no_closed_total() -> None:
    text = "全年共受理依申请公开政府信息申请12件，答复7件，不予受理4件，无法提供1件。"
    assert [row for row in _facts(text) if row[0] != "applications_unable"] == [
        ("applications_received", "all", 12, "exact", "件")
    ]
    # Carried forward after it: the answered are the closed.
    text = "全年共受理依申请公开政府信息申请12件，答复10件，结转下年度2件。"
    assert _facts(text)[:2] == [
        ("applications_received", "all", 12, "exact", "件"),
        ("applications_closed", "all", 10, "exact", "件"),
    ]


def test_a_count_that_goes_on_from_a_proactive_clause_is_the_total() -> None:
    text = "通过局网站、“某某”微信公众号等渠道主动公开政府信息，发布政策解读、会议等信息2300余条。"
    assert _facts(text) == [("items_published", "all", 2300, "more_than", "条")]
    # The clause before counts something of its own: the rule of two channels named holds.
    text = "通过局网站、微信公众号主动公开政府信息50条，发布动态信息230条。"
    assert ("items_published", "all", 230, "exact", "条") not in _facts(text)


def test_the_way_a_clause_opens_with_is_the_channel_of_its_later_counts() -> None:
    text = "通过主流媒体宣传解读重要政策文件94篇次、发布相关信息2333条。"
    assert _facts(text) == [("items_published", "media", 2333, "exact", "条")]
    # A place of its own before the later count's verb, even one that is no channel word.
    text = "通过政府网站公开10095条、政务服务网公开223条。"
    assert _facts(text) == [("items_published", "website", 10095, "exact", "条")]
    # A channel of its own in the later count's words wins.
    text = "通过门户网站发布信息120条、微信公众号推送60条。"
    assert _facts(text) == [
        ("items_published", "website", 120, "exact", "条"),
        ("items_published", "wechat_official", 60, "exact", "条"),
    ]


def test_the_hotline_listed_among_ways_counted_together() -> None:
    text = "通过“某某办”、阳光理政、12345便民服务平台答复群众关心问题153条。"
    assert _facts(text) == []
    # An item of a list of counts that names the hotline keeps its own count.
    text = "全年办理领导信箱来信112件、12345政务服务热线工单8391件。"
    assert ("hotline_received", "hotline", 8391, "exact", "件") in _facts(text)


def test_news_media_as_a_channel() -> None:
    # Two channels named: no stated total (and not the website's alone).
    assert _facts("通过局门户网站、新闻媒体发布信息3300余条。") == []
    assert _facts("通过新闻媒体发布信息200余条。") == [
        ("items_published", "media", 200, "more_than", "条")
    ]


def test_a_count_over_the_years_is_no_years_count() -> None:
    """历年以来, 历年累计: over all the years a body has reported, whatever year opens the
    sentence."""
    text = "2024年我局主动公开信息36条，历年以来主动公开信息数580条。"
    assert _facts(text, 2024) == [("items_published", "all", 36, "exact", "条")]
    text = "2024年收到依申请公开申请2件，历年累计受理依申请公开申请15件。"
    assert _facts(text, 2024) == [("applications_received", "all", 2, "exact", "件")]


def test_the_years_time_printed_between_the_object_and_its_count() -> None:
    assert _facts("我局主动公开政府信息2024年全年共计9条。", 2024) == [
        ("items_published", "all", 9, "exact", "条")
    ]


def test_requests_named_after_who_made_them_and_closed_with_their_intake() -> None:
    text = "我局收到3条群众通过网上平台提交的申请，皆在规定时限内受理、答复。"
    assert _facts(text) == [
        ("applications_received", "all", 3, "exact", "条"),
        ("applications_closed", "all", 3, "exact", "条"),
    ]
    # Taken in alone is not closed.
    assert _facts("收到申请5件，均已受理。") == [("applications_received", "all", 5, "exact", "件")]


def test_information_of_every_kind_with_its_kinds_named_is_the_total() -> None:
    assert _facts("及时发布各类文件、财务、人事等信息156件。") == [
        ("items_published", "all", 156, "exact", "件")
    ]
    # Documents of every kind are documents.
    assert _facts("发布各类文件30件。") == []


def test_boards_named_in_a_breakdown_of_the_websites_count_are_its_columns() -> None:
    text = "通过局网站发布政府信息600条，其中，通知公告栏发布信息150条，双公示栏发布信息40条。"
    assert _facts(text) == [("items_published", "website", 600, "exact", "条")]
    # A board in a breakdown of all that was published is a board.
    text = "全年主动公开信息300条，其中通过政务公开栏公开信息50条，政府网站公开250条。"
    assert ("items_published", "offline_board", 50, "exact", "条") in _facts(text)


def test_a_column_listed_among_channels_with_a_proactive_total() -> None:
    text = "我厅通过官方网站、政府信息公开专栏、政务新媒体平台主动公开信息9800条。"
    assert _facts(text) == [("items_published", "all", 9800, "exact", "条")]


def test_requests_in_letters_and_a_closing_that_closes_a_part() -> None:
    text = "共收到依申请公开件12封，其中，5封申请人撤回申请，7封(含1封转下年度办结)均按时答复。"
    facts = _facts(text, 2025)
    assert ("applications_received", "all", 12, "exact", "封") in facts
    assert ("applications_closed", "all", 12, "exact", "封") not in facts


def test_events_hosted_are_events() -> None:
    assert _facts("今年主办(协办)“某某”等主题新闻发布会4次。") == [
        ("other", "press_conference", 4, "exact", "次")
    ]


def test_the_past_year_and_the_key_areas_of_disclosure() -> None:
    # 一年来 dates a running total to the year.
    assert _facts("一年来，通过县政府门户网站累计主动公开政府信息41条。") == [
        ("items_published", "website", 41, "exact", "条")
    ]
    # The key areas the regulation names are the work's focus, not a topic subset.
    text = "聚焦水利建设、民生实事等重点领域，全年通过局网站主动公开信息316条。"
    assert _facts(text) == [("items_published", "website", 316, "exact", "条")]


def test_received_after_what_was_carried_over_is_no_carried_over_count() -> None:
    facts = _facts("共受理依申请公开事项20件，结转上年后新收到依申请公开事项16件。")
    assert not any(metric == "applications_carried_over" for metric, *_ in facts)


def test_the_titles_of_a_sites_columns_name_no_channel() -> None:
    text = "通过政府网站《部门动态》《政府开放日》《公示公告》栏目主动公开各类信息57条。"
    assert _facts(text) == [("items_published", "website", 57, "exact", "条")]
    # A newspaper's title names its channel.
    assert _facts("在《某某日报》发布信息3条。") == [("items_published", "media", 3, "exact", "条")]


def test_a_count_run_into_a_project_is_no_count_of_requests() -> None:
    # A table's values run into the next header's 项目 in a text copy: no 项 of requests.
    assert _facts("行政机关不再处理其政府信息公开申请9000009项目本年新收件数") == []


def test_a_running_word_after_a_sentence_the_report_year_opens_counts_that_year() -> None:
    """累计 alone, one or two sentences after one that opens with the report year as its time,
    sums that year's items; with no year, or another year, it may sum all years and is left."""
    text = (
        "2024年，某某镇通过多种渠道主动公开政府信息。其中，县政府门户网站累计更新政务信息54条。"
        "政务新媒体平台（“某某微讯”微信公众号）累计发布信息612条。"
    )
    assert _facts(text, 2024) == [
        ("items_published", "website", 54, "exact", "条"),
        ("items_published", "wechat_official", 612, "exact", "条"),
    ]
    assert _facts("某某镇主动公开政府信息。政务新媒体平台累计发布信息612条。", 2024) == []
    assert _facts("2023年，某某镇主动公开政府信息。公众号累计发布信息612条。", 2024) == []
    # Since a channel opened is all its years, whatever year the sentence before names.
    assert _facts("2024年，某某镇主动公开政府信息。公众号开通以来累计发布信息612条。", 2024) == []


def test_the_economy_and_society_as_a_whole_is_no_topic() -> None:
    text = "围绕全市经济社会高质量发展，通过政府网站、政务新媒体等渠道主动公开信息4万余条。"
    assert _facts(text, 2024) == [("items_published", "all", 40000, "more_than", "条")]


def test_one_channel_and_its_main_others_is_a_total() -> None:
    """等主要渠道, 等各类平台: a word between 等 and the channels changes nothing."""
    for others in ("等主要渠道", "等各类平台", "等渠道"):
        text = f"全年，通过区政府门户网站{others}，共计发布各类政府信息1100条。"
        assert _facts(text, 2025) == [("items_published", "all", 1100, "exact", "条")], others


def test_requests_handled_are_no_kind_of_request() -> None:
    """实际处理申请: a verb before 申请, no kind of application (行政许可申请 is one)."""
    text = "共收到政府信息公开申请6件，上年结转1件，全年实际处理申请共计7件，均按时规范办结7件。"
    assert _facts(text, 2025) == [
        ("applications_received", "all", 6, "exact", "件"),
        ("applications_carried_over", "all", 1, "exact", "件"),
        ("applications_closed", "all", 7, "exact", "件"),
    ]


def test_received_and_closed_by_one_verb_with_its_manner_between() -> None:
    """受理并规范答复…2件: received and closed alike, as 受理并按时答复 is."""
    text = "全年受理并规范答复依申请公开申请件2件，按时办结率100%。"
    assert _facts(text, 2025) == [
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    ]


def test_letters_answered_are_no_requests() -> None:
    """答复群众信件313件 beside a count of requests: letters to a mailbox, not applications."""
    text = (
        "政府网站“县长信箱”共收到群众信件313件、答复群众信件313件；"
        "“依申请公开”平台收到依申请公开件64件。"
    )
    assert _facts(text, 2025) == [("applications_received", "all", 64, "exact", "件")]
    # Requests called letters are requests.
    assert _facts("共收到依申请公开信件2件，均在法定时限内办结。", 2023) == [
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "（二）依申请公开情况\n2024年，我乡未收到政府信息公开申请\n（三）政府信息管理情况\n建立审核机制。",
        "2024年，我乡未收到政府信息公开申请\n三、主动公开政府信息情况",
        "（二）依申请公开情况：无\n（三）政府信息管理情况",
    ],
)
def test_a_statement_of_none_ends_at_the_next_heading_without_a_stop(text: str) -> None:
    """A line of none with no stop before the next heading: the line break is gone once the
    text is normalized, and the heading ends the statement."""
    assert _facts(text, 2024) == [("applications_received", "all", 0, "exact", "件")]


def test_without_good_reason_denies_no_application() -> None:
    """无正当理由 in table 3's labels (printed as text before the next heading) is no none."""
    text = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n（七）总计"
    assert _facts(text, 2024) == []


def test_received_then_steps_then_closed_is_received_and_closed() -> None:
    """受理、办理、答复…2件: the steps between the receiving verb and the closing one keep the
    count both received and closed."""
    text = "2024年，我局受理、办理、答复依申请公开2件，办结2件。"
    assert _facts(text, 2024) == [
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    ]


def test_no_requests_to_handle_is_none_received() -> None:
    assert _facts("2024年，我乡无依申请公开政府信息办理事项。", 2024) == [
        ("applications_received", "all", 0, "exact", "件")
    ]


def test_a_notice_after_the_information_published_is_a_kind_of_content() -> None:
    """主动公开行政处罚信息公示47条: 公示 names a notice here, and the count is of one kind."""
    assert _facts("全年通过区人民政府门户网站主动公开行政处罚信息公示47条。", 2025) == []


def test_reports_posted_on_the_bodys_own_account_are_its_items() -> None:
    assert _facts("通过微信官方公众号发布报道247篇。", 2025) == [
        ("items_published", "wechat_official", 247, "exact", "篇")
    ]
    assert _facts("在各类媒体上刊发报道700余篇。", 2025) == []  # placed in the media


@pytest.mark.parametrize("end", ["12月底", "12月末", "年底", "12月31日"])
def test_a_count_at_the_end_of_the_report_year_is_that_years(end: str) -> None:
    text = f"截止{end}，在“某某健康”微信公众号发布信息220余条。"
    assert _facts(text, 2025) == [("items_published", "wechat_official", 220, "more_than", "条")]
    assert _facts("截至目前，在“某某健康”微信公众号发布信息220余条。", 2025) == []


@pytest.mark.parametrize(
    "closing",
    [
        "均在规定时间内按规定要求进行了答复",  # a requirement as the timing, 了 after the helper
        "均在规定时间内进行了答复",
        "均按规定要求答复",
    ],
)
def test_all_closed_with_a_requirement_and_a_done_helper(closing: str) -> None:
    text = f"2022年，收到2起政府信息公开申请，{closing}。"
    assert _facts(text, 2022) == [
        ("applications_received", "all", 2, "exact", "起"),
        ("applications_closed", "all", 2, "exact", "起"),
    ]


def test_a_closing_rate_under_100_closes_nothing() -> None:
    """按时办结率97%: the closing verb is part of a rate's name, and the rate is not all."""
    text = "镇域治理指挥中心平台共受理12345工单1449条，按时办结率97%，满意率93%。"
    assert _facts(text, 2023) == [("hotline_received", "hotline", 1449, "exact", "条")]
    text = text.replace("97%", "100%")
    assert ("hotline_resolved", "hotline", 1449, "exact", "条") in _facts(text, 2023)


def test_the_applicant_named_after_the_helper_is_still_a_closing() -> None:
    text = "2024年，我局受理依申请公开信息1条，并在法定期限内给予申请人答复。"
    assert _facts(text, 2024) == [
        ("applications_received", "all", 1, "exact", "条"),
        ("applications_closed", "all", 1, "exact", "条"),
    ]


def test_media_of_every_level_are_the_media() -> None:
    text = "在各级媒体刊发稿件4132篇，其中国家级媒体30篇，省级媒体507篇。"
    assert _facts(text, 2024) == [("items_published", "media", 4132, "exact", "篇")]


def test_requests_received_by_two_ways_are_parts_not_the_years_count() -> None:
    text = "本年度通过网页渠道收到申请13件，通过来信渠道收到申请2件，上述申请均已按时答复。"
    assert [f for f in _facts(text, 2024) if f[0] == "applications_received"] == []
    # One way alone is the year's count.
    assert _facts("本年度通过网上渠道收到申请13件。", 2024) == [
        ("applications_received", "all", 13, "exact", "件")
    ]


def test_the_years_new_information_published_is_the_total() -> None:
    text = "2021年我局主动公开新增信息145条（其中，网站公开145条，政府公报0条）。"
    assert _facts(text, 2021) == [
        ("items_published", "all", 145, "exact", "条"),
        ("items_published", "website", 145, "exact", "条"),
        ("items_published", "gazette", 0, "exact", "条"),
    ]


def test_a_departments_own_page_on_the_portal_is_its_website() -> None:
    assert _facts("二是通过局专属页面主动公开政府信息218条。", 2021) == [
        ("items_published", "website", 218, "exact", "条")
    ]


@pytest.mark.parametrize(
    "closing",
    [
        "均严格按照规定时间、规范格式予以答复",  # the answer's form required beside its time
        "均按规定格式书面答复",
    ],
)
def test_all_closed_with_the_answers_form_required(closing: str) -> None:
    text = f"2024共收到依申请政府信息公开2件，{closing}，结转下年度继续办理0件。"
    assert {f for f in _facts(text, 2024) if f[0].startswith("applications_")} >= {
        ("applications_received", "all", 2, "exact", "件"),
        ("applications_closed", "all", 2, "exact", "件"),
    }


def test_what_a_count_includes_is_no_breakdown_of_it() -> None:
    """包括…在内 names what the count holds; the count is the whole (2020, a county bureau)."""
    text = "共发布包括食品、药品、特种设备信息等重点领域信息在内的各类信息516条。"
    assert _facts(text, 2020) == [("items_published", "all", 516, "exact", "条")]
    # 包括 opening a breakdown still makes its counts parts.
    text = "全年主动公开政府信息120条，包括工作动态类信息80条。"
    assert _facts(text, 2020) == [("items_published", "all", 120, "exact", "条")]


@pytest.mark.parametrize(
    "text",
    [
        "视频号发布超160个视频，评论超100次。",  # the noun after 个 (2024, a street office)
        "通过视频号发布短视频超160个。",  # the noun before the number
    ],
)
def test_videos_counted_in_ge_are_items(text: str) -> None:
    assert [f[:4] for f in _facts(text, 2024)] == [
        ("items_published", "short_video", 160, "more_than")
    ]
    # Accounts counted in 个 stay no items.
    assert _facts("开设视频号等新媒体账号3个。", 2024) == []


def test_information_asked_of_a_named_body_is_a_request() -> None:
    """向管委会申请的政府信息: the body asked is named before 申请, and what was asked for after."""
    text = "2024年，办公室办理向管委会申请的政府信息31件，其中予以公开4件，结转下年办理7件。"
    assert ("applications_received", "all", 31, "exact", "件") in _facts(text, 2024)
    # Another kind of application named before 申请 stays another kind.
    assert _facts("2024年，共受理行政许可申请1200件。", 2024) == []


def test_proposals_answered_after_the_hotline_are_not_its_calls() -> None:
    text = (
        "收到信箱诉求6条，12345政务服务便民热线8条，办结率100%；"
        "公开人大代表建议和政协提案办理答复17件。"
    )
    assert all(f[2] != 17 for f in _facts(text, 2025))


def test_a_kind_named_with_its_verb_in_a_list_of_kinds_is_no_total() -> None:
    """政府信息公开92条 among a site's kinds of content is a column's name and count (2022)."""
    text = (
        "厅门户网站共更新工作动态类信息397条，时政类信息140条，媒体报道264条，"
        "政府信息公开92条，专栏类661条。"
    )
    assert all(f[1] != "all" for f in _facts(text, 2022))
    # Standing alone, information disclosed as such is the year's total.
    assert _facts("2022年，全年政府信息主动公开38条。", 2022) == [
        ("items_published", "all", 38, "exact", "条")
    ]


def test_handled_as_the_sum_of_received_and_carried_over_then_all_closed() -> None:
    text = (
        "全年受理依申请公开来件29件，续办上年度结转办件1件，共办理30件，"
        "其中29件为自然人申请，1件为商业企业申请，全部在规定时间内办结。"
    )
    rows = _facts(text, 2024)
    assert ("applications_received", "all", 29, "exact", "件") in rows
    assert ("applications_closed", "all", 30, "exact", "件") in rows
    assert ("applications_received", "all", 30, "exact", "件") not in rows


def test_no_fee_said_with_weiyou() -> None:
    """未有收取…费用: 未有 is 没有 (2022, a district bureau)."""
    text = "未有受理信息公开申请、行政复议、诉讼和申诉情况；未有收取或减免相关费用的情况。"
    assert ("fee_collected_yuan", "all", 0, "exact", "元") in _facts(text, 2022)


def test_none_by_every_way_of_asking_listed_with_deng_is_none() -> None:
    text = (
        "2022年度未收到公民、法人或其他组织通过政府信息公开平台、传真、信函等形式的"
        "政府信息公开申请。"
    )
    assert _facts(text, 2022) == [("applications_received", "all", 0, "exact", "件")]
    # One way alone stays one way's none.
    assert _facts("2022年度未收到信函申请。", 2022) == []


def test_a_sites_columns_counted_beside_the_sites_own_count_are_parts() -> None:
    text = (
        "2021年，我厅网站共发布政府信息35012条。在厅网站“统计数据”专栏，公示全省交通固定资产"
        "投资完成情况，共计24条信息。"
    )
    assert _facts(text, 2021) == [("items_published", "website", 35012, "exact", "条")]
    # A column's count alone is the site's (a township's column on the county portal).
    assert _facts("2021年，在县政府门户网站本镇专栏发布信息24条。", 2021) == [
        ("items_published", "website", 24, "exact", "条")
    ]


def test_the_hotline_as_an_item_after_a_comma_shares_the_verb_before() -> None:
    text = "收到信箱诉求6条，12345政务服务便民热线8条，所有诉求已全部在时限内答复，办结率100%。"
    rows = _facts(text, 2025)
    assert ("hotline_received", "hotline", 8, "exact", "条") in rows
    assert ("hotline_resolved", "hotline", 8, "exact", "条") in rows
    assert all(f[2] != 6 for f in rows)  # the mailbox's own count is none of the hotline's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Nothing received counted before 办理: the calls or requests that came in to be handled.
        ("办理书记信箱7件，办理12345热线567件。", ("hotline_received", "hotline", 567)),
        (
            "共办理12345政务热线工单8876件，信访事项221件。",
            ("hotline_received", "hotline", 8876),
        ),
        ("全年办理依申请公开事项0条。", ("applications_received", "all", 0)),
        (
            "共办理政府信息公开申请21件，其中网络申请14件。",
            ("applications_received", "all", 21),
        ),
        # After a received count, 办理 is what was closed.
        (
            "共受理政府信息公开申请749件，其中自然人741件；共办理718件。",
            ("applications_closed", "all", 718),
        ),
    ],
)
def test_handled_alone_is_what_came_in(text: str, expected: tuple[str, str, int]) -> None:
    rows = [f[:3] for f in _facts(text)]
    assert expected in rows
    closing = {
        "hotline_received": "hotline_resolved",
        "applications_received": "applications_closed",
    }
    if expected[0] in closing:
        assert (closing[expected[0]], expected[1], expected[2]) not in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WeChat's video channel is short video, not the WeChat account.
        ("抖音发布作品189条；微信视频发布作品168条。", ("items_published", "short_video", 168)),
        # The hotline's calls assigned to the body (交办).
        ("12345市长热线交办件78件，办结78件。", ("hotline_received", "hotline", 78)),
        # 完成 after the received count: the closed.
        ("接收政府信息公开申请52件，完成50件，2件正在办理。", ("applications_closed", "all", 50)),
        # No application forms received: none.
        (
            "2024年，没有收到个人和组织递交的《信息公开申请表》。",
            ("applications_received", "all", 0),
        ),
        # 按时办理率100%: all resolved.
        (
            "12345平台受理有效诉求件约16948件，按时办理率100%。",
            ("hotline_resolved", "hotline", 16948),
        ),
        # 无年度收费情况 after the applications: no fee.
        ("今年共收到依申请公开0件，无年度收费情况。", ("fee_collected_yuan", "all", 0)),
    ],
)
def test_wordings_of_the_held_out_batches(text: str, expected: tuple[str, str, int]) -> None:
    assert expected in [f[:3] for f in _facts(text, 2024)]


def test_a_mailboxs_letters_answered_are_no_applications_closed() -> None:
    text = "依申请公开事项办结1件，县长信箱回复5条。"
    assert _facts(text, 2024) == [("applications_closed", "all", 1, "exact", "件")]


def test_information_disclosed_on_request_is_no_items_published() -> None:
    assert _facts("我局2025年度依申请公开政府信息10条。", 2025) == []
    # Proactively, it is the year's total.
    assert _facts("我局2025年度主动公开政府信息10条。", 2025) == [
        ("items_published", "all", 10, "exact", "条")
    ]


def test_handled_with_chuli_alone_is_what_came_in() -> None:
    """处理 is handled as 办理 is (cues.handled)."""
    text = "全年处理县12345政府服务热线群众来电1788个，群众满意率100%。"
    assert _facts(text, 2025) == [("hotline_received", "hotline", 1788, "exact", "个")]
    # After a received count it is what was resolved.
    text = "12345热线共受理来电200个，处理198个。"
    assert ("hotline_resolved", "hotline", 198, "exact", "个") in _facts(text, 2025)


def test_carried_forward_written_zhuanjie() -> None:
    """转结下年度, as 结转下年度, carries forward; its 办理 closes nothing."""
    text = "共受理依申请公开件34件，办结34件，转结下年度继续办理0件。"
    rows = _facts(text, 2023)
    assert ("applications_carried_forward", "all", 0, "exact", "件") in rows
    assert ("applications_closed", "all", 0, "exact", "件") not in rows


def test_a_count_in_the_statement_after_the_hotlines_is_not_its() -> None:
    text = "12345市长热线交办件78件，办结78件；微信公众号咨询留言37条，办结37条。"
    assert _facts(text, 2023) == [
        ("hotline_received", "hotline", 78, "exact", "件"),
        ("hotline_resolved", "hotline", 78, "exact", "件"),
    ]


def test_another_sites_column_counted_beside_a_sites_own_count_is_that_sites() -> None:
    text = (
        "2022年，在门户网站主动公开发布文件、新闻动态和业务信息等1739条，"
        "在亳州市人民政府网站信息公开栏目主动公开发布文件、新闻动态和业务信息647条。"
    )
    assert _facts(text, 2022) == [
        ("items_published", "website", 1739, "exact", "条"),
        ("items_published", "website", 647, "exact", "条"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "发布政府公报12期，组织召开政府新闻发布会44场。",
            [("gazette", 12), ("press_conference", 44)],
        ),
        ("聚力大丰微信公众号发布微信302期。", [("wechat_official", 302)]),
        # Items counted right after the issues: those are the count.
        ("制作市政府公报6期，发布公开信息66条。", [("gazette", 66)]),
        ("“周至政务”公众号共发布信息294期1014条。", [("wechat_official", 1014)]),
        # Issues of a bulletin with no channel word, and interviews in 期, are no items.
        ("全年编发《发改信息》47期，举办在线访谈6期。", []),
    ],
)
def test_issues_of_a_gazette_or_an_account_are_items(text: str, expected: list) -> None:
    assert [(f[1], f[2]) for f in _facts(text, 2022)] == expected


def test_a_sentence_of_parts_does_not_end_the_reference_to_the_count() -> None:
    text = (
        "2021年，共办理政府信息公开申请21件。其中，网络申请14件，书面申请7件。所有申请均按时办结。"
    )
    rows = _facts(text, 2021)
    assert ("applications_received", "all", 21, "exact", "件") in rows
    assert ("applications_closed", "all", 21, "exact", "件") in rows
    # A sentence counting something else still ends it.
    text = "2021年，共收到政府信息公开申请21件。另收到信访件7件。所有申请均按时办结。"
    assert ("applications_closed", "all", 21, "exact", "件") not in _facts(text, 2021)


@pytest.mark.parametrize(
    "text",
    [
        "2025年收到一份政府信息公开申请，申请公开补贴发放对象的名单，按程序及时进行了答复。",
        "2025年收到政府信息公开申请1起，本机关不掌握相关政府信息，已向申请人沟通答复。",
    ],
)
def test_one_application_closed_a_clause_after(text: str) -> None:
    rows = [f[:3] for f in _facts(text, 2025)]
    assert rows == [("applications_received", "all", 1), ("applications_closed", "all", 1)]


def test_press_conferences_counted_in_sessions_need_no_verb() -> None:
    text = "主动公开市政府常务会议13次，市政府全体会议1次，新闻发布会39场，回应热点关切32次。"
    assert _facts(text, 2024) == [("other", "press_conference", 39, "exact", "场")]
    # Attended, not held: the verb says so.
    assert _facts("参加省政府新闻发布会3场。", 2024) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Answers counted after those carried over: the carried over are requests too.
        (
            "共受理信息公开申请97件，上年结转申请1件，答复97件，结转下年度办理1件。",
            ("applications_closed", "all", 97),
        ),
        # The count restated before its noun, then closed.
        (
            "共收到政府信息公开申请14件。其中，自然人申请13件。14件政府信息公开申请已全部办结。",
            ("applications_closed", "all", 14),
        ),
        # 发表 publishes; media of one level are media.
        ("在市级以上媒体发表信息15条。", ("items_published", "media", 15)),
        # The account's posts as the object name the channel.
        ("余杭发布推送微信约2100条，推送微博约3800条。", ("items_published", "weibo", 3800)),
        # Examples of the media named before 等.
        ("学习强国等国家级媒体公开信息64条。", ("items_published", "media", 64)),
        ("依申请公开政府信息不收取任何费用。", ("fee_collected_yuan", "all", 0)),
    ],
)
def test_wordings_of_the_third_held_out_round(text: str, expected: tuple[str, str, int]) -> None:
    assert expected in [f[:3] for f in _facts(text)]


def test_information_of_every_kind_over_channels_named_is_no_total() -> None:
    """Two channels named, 发布各类信息: what they carried together, no stated total; with
    等渠道 (channels like them) or 主动公开 it is the body's total, as before."""
    assert _facts("通过区政府门户网站和“河东发布”新浪微博平台发布各类信息9700余条。") == []
    text = "通过区政府门户网站和微博主动公开各类信息9700余条。"
    assert _facts(text) == [("items_published", "all", 9700, "more_than", "条")]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # 完成 right before the count closes; 完成 of other work (协办件) does not.
        ("接收政府信息公开申请52件，完成50件。", ("applications_closed", "all", 50), None),
        (
            "共办理政府信息公开申请74件，办结71件。完成省政府办公厅协办件1件，已按要求答复。",
            ("applications_closed", "all", 71),
            ("applications_closed", "all", 1),
        ),
        # 受理答复 as one verb: received, and closed.
        (
            "共通过网站渠道受理答复依申请公开政府信息案件22件。",
            ("applications_received", "all", 22),
            None,
        ),
        ("2024年，我局未收到有关依申请公开内容。", ("applications_received", "all", 0), None),
        # A part of the hotline's calls in brackets is no count received.
        (
            "12345热线共受理2720件(其中承办单2299件,重新办理单421件)，办结2680件。",
            ("hotline_received", "hotline", 2720),
            ("hotline_received", "hotline", 421),
        ),
        # The hotline's part of other messages is its own.
        (
            "共受理群众诉求500件，其中12345热线受理300件。",
            ("hotline_received", "hotline", 300),
            None,
        ),
    ],
)
def test_wordings_of_the_hotline_heavy_batch(
    text: str, present: tuple, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


def test_a_site_by_its_name_is_a_website() -> None:
    """通过江苏民政网公开…: a name ending with 网, used to publish, is a site (not 互联网)."""
    assert _facts("全年共通过江苏民政网公开各类政府信息3561篇。", 2023) == [
        ("items_published", "website", 3561, "exact", "篇")
    ]
    assert _facts("在互联网发布信息30条。", 2023) == []


def test_what_the_public_submitted_is_received() -> None:
    text = "公众通过邮递、网站、现场申请等途径向区政府提交政府信息公开190件，已依法办结187件。"
    assert [f[:3] for f in _facts(text, 2025)] == [
        ("applications_received", "all", 190),
        ("applications_closed", "all", 187),
    ]


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # After those received, 办理 is the closed even with a rate after it.
        (
            "全年受理公开申请40件，回复办理40件，办结率为100%。",
            ("applications_closed", "all", 40),
            None,
        ),
        # Other channels' sum beside the site's own count is no total.
        (
            "我街通过门户网站主动公开信息26条，通过微博、微信公众号主动公开信息750条。",
            ("items_published", "website", 26),
            ("items_published", "all", 750),
        ),
        # What was asked for had been published: an answer, no item.
        (
            "共收到依申请公开案件5件，予以公开1件，所申请信息已主动公开2件，均在规定时限内答复。",
            ("applications_received", "all", 5),
            ("items_published", "all", 2),
        ),
        # A part of the hotline's own count handled again is no count resolved either.
        (
            "12345热线共受理2720件(其中承办单2299件,重新办理单421件)，办结2680件。",
            ("hotline_resolved", "hotline", 2680),
            ("hotline_resolved", "hotline", 421),
        ),
        # The body as the next sentence's subject, then closing the one application.
        (
            "2024年收到依申请公开1件。街道已严格按照依申请公开流程予以答复。",
            ("applications_closed", "all", 1),
            None,
        ),
    ],
)
def test_wordings_of_the_street_offices(text: str, present: tuple, absent: tuple | None) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # A stock at the year's end counted since ever (截至…年底，累计…) after a dated sentence.
        (
            "2019年，共受理各类服务事项144350件。截至2019年底，累计主动公开政府信息64627条。",
            2019,
            None,
            ("items_published", "all", 64627),
        ),
        # The services one may apply for are no applications.
        (
            "在政务服务网电子门户对外展示依申请事项1209项。",
            2025,
            None,
            ("applications_received", "all", 1209),
        ),
        # News on the body's own site are its items.
        (
            "2022年度我区在政府门户网站上发布政务新闻共804条。",
            2022,
            ("items_published", "website", 804),
            None,
        ),
        # A sum over channels is the total even when only 发布ed.
        (
            "通过县人民政府门户网站、微信、微博共发布各类信息数量17249条。",
            2022,
            ("items_published", "all", 17249),
            None,
        ),
        # 该申请: the one application, closed in a later sentence.
        (
            "2021年，我局共收到依申请公开1件。申请内容为处罚结果。该申请已按相关规定和政策办理并作出答复。",
            2021,
            ("applications_closed", "all", 1),
            None,
        ),
        (
            "2020年，我镇无政府信息公开收费和减免情况。",
            2020,
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        (
            "2020年，“12345”政府服务热线派发到我镇电子工单245件，均得到及时回复。",
            2020,
            ("hotline_resolved", "hotline", 245),
            None,
        ),
    ],
)
def test_wordings_of_the_fourth_held_out_round(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Calls received in another clause are not the hotline's: its 办理 is what came in.
        (
            "全年办理主任信箱15件，接听转办群众来电5761件，办理12345市民热线16038件。",
            ("hotline_received", "hotline", 16038),
            ("hotline_resolved", "hotline", 16038),
        ),
        # Events in quotes after their count.
        ("组织1次“政府开放日”活动。", ("open_day_events", "open_day", 1), None),
        # Many areas listed after 围绕 are the work as a whole, no topic.
        (
            "围绕疫情防控、文明创建、人居环境整治等方面，我镇依托政府网站主动公开政府信息31条。",
            ("items_published", "website", 31),
            None,
        ),
        # Since the office was set up: a running total.
        (
            "自街道成立以来利用街道公众号平台发布信息169条。",
            None,
            ("items_published", "wechat_official", 169),
        ),
        # Natural persons' applications are information requests.
        (
            "全镇共收到政府信息公开自然人申请10件，按期办结10件。",
            ("applications_received", "all", 10),
            None,
        ),
        # After the parts by way of asking, a clause that closes them is the closed total.
        (
            "共受理依申请公开34件，其中包括信函申请26件，网络申请8件，已按时办结33件。",
            ("applications_closed", "all", 33),
            None,
        ),
        # Parts in brackets after 含 are parts.
        (
            "全年累计更新政府信息1319条(含政府信息公开1115条，财政资金信息204条)。",
            ("items_published", "all", 1319),
            ("items_published", "all", 1115),
        ),
    ],
)
def test_wordings_of_the_fifth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # 办理完结 closes.
        (
            "本年度共收到政府信息公开申请30件。按时办理完结29件，剩余1件已撤销。",
            ("applications_closed", "all", 29),
            ("applications_received", "all", 29),
        ),
        # Those carried over beside the received: a later "all" closes their unstated sum.
        (
            "全年共新收到政府信息公开申请12件，上年结转2件。所有申请均严格按照法定时限进行答复。",
            None,
            ("applications_closed", "all", 12),
        ),
        # A clause the year opens does not take a channel from the clauses before it.
        (
            "及时、准确地主动公开政府信息，公开的形式主要以网上公开为主，2024年，"
            "我局及时主动向社会公布信息共590条。",
            ("items_published", "all", 590),
            ("items_published", "website", 590),
        ),
    ],
)
def test_wordings_of_the_sixth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # 无法 (cannot) states no zero.
        (
            "对于无法公开的申请，做好解释说明工作。共接收到11项政府信息公开申请，"
            "所有申请均已得到妥善回应。",
            ("applications_closed", "all", 11),
            ("applications_received", "all", 0),
        ),
        # Requests named after their count with 发起; a manner word before the steps closed.
        (
            "全街收到2件由自然人发起的政府信息公开申请，并依法规范受理、答复。",
            ("applications_closed", "all", 2),
            None,
        ),
        # The sites of the counties a city governs are not its own.
        (
            "全市所辖各县(市、区)政府门户网站主动公开政府信息73000余条。",
            None,
            ("items_published", "website", 73000),
        ),
        ("开展1次“政府开放周”活动。", ("open_day_events", "open_day", 1), None),
        (
            "通过微信短视频(“进化之旅游”)公开政府信息41条。",
            ("items_published", "short_video", 41),
            None,
        ),
        (
            "申请内容系农民建房等方面，未因信息公开收取公民、法人和其他组织等任何费用。",
            ("fee_collected_yuan", "all", 0),
            None,
        ),
    ],
)
def test_wordings_of_the_seventh_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A column listed among ways with 等…渠道 is one of the ways; the total stands.
        (
            "通过政府网站、微信公众号等线上渠道，政务公开专区、政府信息公示栏等线下渠道"
            "主动公开政府信息共计667余条。",
            ("items_published", "all", 667),
            None,
        ),
        # 处理 is handled as 办理 is, for applications too; 处理决定 is a noun.
        (
            "2023年我街道共处理政府信息公开申请案件9件，均按时按程序完成办结。",
            ("applications_closed", "all", 9),
            None,
        ),
        # 公示栏 is a board, its 公示 no verb.
        (
            "全镇主动公开政府信息334条，其中通过政府网站公开33条，公示栏181条，公众号120条。",
            ("items_published", "offline_board", 181),
            None,
        ),
        # Government information among the object's listed parts states the total.
        (
            "新市街道通过京山市人民政府门户网站等渠道主动公开政府信息、新闻信息560余条。",
            ("items_published", "all", 560),
            None,
        ),
    ],
)
def test_wordings_of_the_eighth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2023, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A receiving verb in the prose, with no count of its own, makes 办理 no closed count.
        (
            "规范申请受理、办理、答复的时限和程序，全年办理政府信息依申请公开9条，"
            "本机关不掌握政府信息答复4条。",
            ("applications_received", "all", 9),
            ("applications_closed", "all", 4),
        ),
        # 累计 right after the year's own count is all years'.
        (
            "2023年度我局主动公开政府信息44件，累计主动公开政府信息2305条。",
            None,
            ("items_published", "all", 2305),
        ),
        (
            "2023年我部通过龙华政府在线主动公开政府信息60条。",
            ("items_published", "website", 60),
            None,
        ),
        (
            "2023年我部在报刊、电视、网站等媒体公开政府信息351条。",
            ("items_published", "media", 351),
            None,
        ),
    ],
)
def test_wordings_of_the_eighth_round_after_its_first_fixes(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2023, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A count carried to the next year is no closed one (转下年办理).
        (
            "2024年全年共受理依申请公开政府信息件307件，已办结304件，转下年办理3件。",
            ("applications_closed", "all", 304),
            ("applications_closed", "all", 3),
        ),
        # 双微 names two channels: their sum, split after it, is no total.
        (
            "局“双微”平台共发布信息2128条(其中微信发布752条，微博发布1376条)。",
            ("items_published", "weibo", 1376),
            ("items_published", "all", 2128),
        ),
        # 新媒体网络平台 says what kind the account after it is.
        (
            "我乡充分运用新媒体网络平台“某某乡人民政府”微信公众号发布信息71条。",
            ("items_published", "wechat_official", 71),
            ("items_published", "all", 71),
        ),
        # 在局网站: the bureau's own site, no department's.
        (
            "2024年，累计在局网站发布信息977条。",
            ("items_published", "website", 977),
            None,
        ),
        # 解决率100% resolves the hotline's calls.
        (
            "通过12345政府服务热线平台及时办理群众诉求，全年共办理40件，解决率100%。",
            ("hotline_resolved", "hotline", 40),
            None,
        ),
        # 办结完毕, and 顺利 before the closing verb.
        (
            "全年共收到依申请公开16件，其中15件按时办结完毕，1件结转下年度继续办理。",
            ("applications_closed", "all", 15),
            None,
        ),
        (
            "2024年全年共收到依申请公开信息4条，均在规定时限内顺利办结。",
            ("applications_closed", "all", 4),
            None,
        ),
        # The year after a subheading run into the sentence dates 累计 in the next one.
        (
            "一、主动公开，拓宽信息传播广度\n2024年，市商务局网站信息发布量达1019篇。"
            "同时，借助“某某商务”微信公众号，累计发布各类信息345篇。",
            ("items_published", "wechat_official", 345),
            None,
        ),
        # A breakdown opening the sentence after its total; the accounts' sum in brackets and
        # subordinate units' accounts are no channel's count; parts of publicity reports none.
        (
            "全年，共公开各类政府信息20889条。其中，区政府网站4266条，区政府政务新媒体13331条"
            "(抖音视频信息2366条、微信公众号信息3765条、新浪微博信息5344条、今日头条信息1856条)，"
            "部门(街道)政务新媒体2873条，国家、省、市媒体共发布正向宣传报道3292篇"
            "(国家级媒体发稿300篇、省级媒体发稿419条、市级媒体发稿2573篇)。",
            ("items_published", "website", 4266),
            ("items_published", "other", 13331),
        ),
        (
            "全年，共公开各类政府信息20889条。其中，区政府网站4266条，"
            "部门(街道)政务新媒体2873条，国家、省、市媒体共发布正向宣传报道3292篇"
            "(国家级媒体发稿300篇、省级媒体发稿419条)。",
            None,
            ("items_published", "other", 2873),
        ),
        (
            "媒体共发布正向宣传报道3292篇(国家级媒体发稿300篇、省级媒体发稿419条)。",
            None,
            ("items_published", "media", 300),
        ),
    ],
)
def test_wordings_of_the_ninth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Zero statements: the request named after 申请, none of two nouns, fees not charged.
        (
            "本单位未收到书面申请政府信息公开，未收到信函、传真等形式申请要求公开政府信息。",
            ("applications_received", "all", 0),
            None,
        ),
        ("本年度未收到依申请公开事件和信息。", ("applications_received", "all", 0), None),
        (
            "2024年依申请公开信息数为零；未出现公开收费及减免。",
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        (
            "2024年镇政府依申请提供政府信息继续暂不收费。",
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        # 依申请公开 after a count is an outcome's noun, no closing verb.
        (
            "共计收到7条政府信息公开申请，均在规定时限内办结。2条依申请公开，1条部分公开。",
            ("applications_closed", "all", 7),
            ("applications_closed", "all", 2),
        ),
        # The media's own sites are media: reports placed there are no items.
        ("在各大媒体网站发布宣传报道92篇。", None, ("items_published", "website", 92)),
        # 达到了 before a rate of 100 %; 答复前 is work before the answer.
        (
            "全年受理信息公开申请176件，办复率达到了100%。",
            ("applications_closed", "all", 176),
            None,
        ),
        (
            "落实答复前法治审查15件次。全年收到政府信息公开申请41件，办结41件。",
            ("applications_closed", "all", 41),
            ("applications_closed", "all", 15),
        ),
        # Received with those carried over: not the year's received.
        (
            "全年共受理政府信息公开申请543件(含上年度结转6件)，依法办结541件。",
            ("applications_closed", "all", 541),
            ("applications_received", "all", 543),
        ),
        # 件次 counts items; 刊播 publishes; a topic before an account opened says what it is for.
        (
            "全年通过政府门户网站主动公开政府信息2284件次。",
            ("items_published", "website", 2284),
            None,
        ),
        (
            "全市全年通过政务新媒体共刊播各类信息5.3万余条。",
            ("items_published", "other", 53000),
            None,
        ),
        (
            "聚焦制造强市战略开设“某某工业”微信公众号，发布信息1700余条。",
            ("items_published", "wechat_official", 1700),
            None,
        ),
        # The hotline and other ways after it, counted together, are not the hotline's.
        (
            "通过“12345市民服务热线”等平台接收、流转并回复各类公众咨询超过380条。",
            None,
            ("hotline_resolved", "hotline", 380),
        ),
        (
            "通过“12345市民服务热线”、微博网民留言等平台处理回复信息371条。",
            None,
            ("hotline_resolved", "hotline", 371),
        ),
        # 包括 with nothing counted before it lists contents: the total it names stands.
        (
            "主动公开的信息主要包括：通过区政府网站、美篇平台等渠道发布各类信息63余条。",
            ("items_published", "all", 63),
            None,
        ),
    ],
)
def test_wordings_of_the_tenth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


def test_accumulated_to_the_report_years_last_day_after_a_dated_sentence_is_the_years() -> None:
    text = (
        "2024年，西关街道办事处积极主动开展政府信息公开工作。主要通过门户网站发布信息。"
        "截至2024年12月31日，西关街道办事处累计主动公开政府信息达301条。"
    )
    _assert_read(text, 2024, ("items_published", "all", 301), None)
    # Dated by no sentence before it: a stock at a date, as before.
    _assert_read(
        "截至2024年12月31日，累计主动公开政府信息达3010条。",
        2024,
        None,
        ("items_published", "all", 3010),
    )


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("2022年主动公开政府信息127条，发布网上政府公报4期，刊载规范性文件9件。", 4),
        ("2022年编印政府公报4期。", 4),
        ("全年编印《某某市人民政府公报》6期，赠阅近2万本。", 6),
    ],
)
def test_a_gazettes_issues_compiled_or_before_the_documents_they_carried(
    text: str, present: int
) -> None:
    _assert_read(text, 2022, ("items_published", "gazette", present), None)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # The body's own, not a department: 向 before it, 我局 after a preposition.
        (
            "全年共收到向市行政审批局申请公开政府信息14件，已办结13件。",
            ("applications_received", "all", 14),
            None,
        ),
        (
            "2021年,围绕我局重点工作任务,门户网站全年发布文化和旅游信息740条。",
            ("items_published", "website", 740),
            None,
        ),
        # 含 opens the count's own parts, no list of kinds.
        (
            "局门户网站全年发布或更新各类动态信息1180条，含法规文件17条，财务信息2条。",
            ("items_published", "website", 1180),
            None,
        ),
        # Received with those carried over in a breakdown: closed all, the year's new received.
        (
            "2022年，共收到政府信息公开申请4件，其中上年度结转2件，均已答复。",
            ("applications_closed", "all", 4),
            ("applications_received", "all", 4),
        ),
        (
            "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件，上年结转申请数9件)，"
            "已答复119件。",
            ("applications_received", "all", 112),
            ("applications_received", "all", 121),
        ),
        # Requests counted with no verb (依申请公开件, 依申请公开请求).
        (
            "2022年我局通过区政府门户网站及线下申请的依申请公开件4件。",
            ("applications_received", "all", 4),
            None,
        ),
        (
            "2024年，我镇依申请公开请求9件，其中网络平台收到3件，协助6件，都妥善答复。",
            ("applications_closed", "all", 9),
            None,
        ),
        # Fees: 进行收费 denied.
        (
            "2021年度我局没有向政府信息公开的查阅或申请人进行收费的情况。",
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        # Closings: 新收到并办结, 按照规范…完毕, 规范化答复.
        (
            "2024年度，某镇新收到并办结公民、法人或其他组织提出的政府信息公开申请2件。",
            ("applications_received", "all", 2),
            None,
        ),
        (
            "全年办理涉及拆迁、征地等事宜依申请公开3件，都已按照规范答复完毕。",
            ("applications_closed", "all", 3),
            None,
        ),
        (
            "2024年，本镇共收到信息公开申请40件，均在法定期限内予以规范化答复。",
            ("applications_closed", "all", 40),
            None,
        ),
        # 项 counts a hotline's matters in the clause naming it; closing words with a count of
        # their own close nothing before them.
        (
            "高效处理12345公共服务平台各类诉求与咨询事项639项；妥善办理书记、市长信箱来信4件。",
            ("hotline_received", "hotline", 639),
            ("hotline_resolved", "hotline", 639),
        ),
        (
            "收到信箱诉求6条，12345政务服务便民热线8条，所有诉求已全部答复；"
            "省一网通办平台办理业务9项。",
            ("hotline_resolved", "hotline", 8),
            ("hotline_received", "hotline", 9),
        ),
        # Requests listed by the ways they came are parts.
        (
            "全年共收到政府信息公开申请95件。按申请方式分：当面申请4件，通过网络提交申请10件，"
            "邮寄申请81件。",
            ("applications_received", "all", 95),
            ("applications_received", "all", 10),
        ),
    ],
)
def test_wordings_of_the_twelfth_held_out_round(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    dated = re.search(r"(20\d{2})年", text)  # the report year: the year the passage names
    _assert_read(text, int(dated.group(1)) if dated else 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "agency", "present"),
    [
        # The government's own office, in the government's report, is no department.
        (
            "2023年,北戴河区人民政府办公室主动公开最新要闻、政策文件等信息1384条。",
            "北戴河区人民政府",
            ("items_published", "all", 1384),
        ),
        # The government's place as the subject states its total.
        (
            "2023年,禹会区常态化更新公开信息20949条。",
            "蚌埠市禹会区人民政府",
            ("items_published", "all", 20949),
        ),
        # The report year without 年 before 全区 dates 累计.
        (
            "2023全区累计收到依申请公开事项29项，均在规定时间内完成答复。",
            "某区人民政府",
            ("applications_received", "all", 29),
        ),
    ],
)
def test_a_governments_office_place_and_bare_year(text: str, agency: str, present: tuple) -> None:
    assert present in [f[:3] for f in _facts(text, 2023, agency=agency)]


def test_a_place_inside_an_accounts_name_is_no_subject() -> None:
    text = "2023年,累计通过区政府网站和榴园镇微信公众号、政务微博和头条号开展各类公开900余条。"
    rows = [f[:3] for f in _facts(text, 2023, agency="某区榴园镇人民政府")]
    assert ("items_published", "all", 900) not in rows


@pytest.mark.parametrize(
    ("text", "agency", "present", "absent"),
    [
        # A channel alone after a comma shares the statement before it.
        (
            "市政府网站共发布各类政务信息13050余条，“某某发布”政务微信发布信息780期2165条，微博1021条。",
            None,
            ("items_published", "weibo", 1021),
            None,
        ),
        # …but a statement with a verb of its own does not.
        (
            "通过新闻报刊发布相关报道415条，通过门户网站回复留言36条。",
            None,
            None,
            ("items_published", "website", 36),
        ),
        # …nor one whose words name what it counted.
        (
            "2022年我局在“某某统计”微信公众号发布转载信息225条，网站挂载统计工作动态信息111条、"
            "党建信息19条。",
            None,
            None,
            ("items_published", "website", 111),
        ),
        # A breakdown goes on across semicolons when each statement is a channel and its count.
        (
            "2023年，某县医疗保障局共主动公开政府信息1032条。其中政府信息公开专栏发布的信息65条，"
            "占总量的6.3%；微信公众平台882条，占总量的85.4%；报纸、其他网站等发布85条。",
            "某县医疗保障局",
            ("items_published", "wechat_official", 882),
            None,
        ),
        # The body's own name as the subject states the total; its name before its channels
        # does not.
        (
            "2023年，淄川区卫生健康局共公开发布信息1017条。",
            "淄博市淄川区卫生健康局",
            ("items_published", "all", 1017),
            None,
        ),
        (
            "2023年城市管理局网站、“两微一条”共发布信息1000余条。",
            "某市城市管理局",
            None,
            ("items_published", "all", 1000),
        ),
        # 公众平台 is WeChat's; the media's platforms are the media; 有 before the count; a
        # video account's issues.
        (
            "“某某之窗”公众平台发布信息253条。",
            None,
            ("items_published", "wechat_official", 253),
            None,
        ),
        ("通过国家级、省级媒体平台刊发信息206篇。", None, ("items_published", "media", 206), None),
        (
            "2023年某某局门户网站主动公开的政府信息有58条。",
            "某某局",
            ("items_published", "website", 58),
            None,
        ),
        ("“某某发布”视频号发布73期。", None, ("items_published", "short_video", 73), None),
    ],
)
def test_readings_found_by_their_reasons_across_the_rounds(
    text: str, agency: str | None, present: tuple | None, absent: tuple | None
) -> None:
    rows = [f[:3] for f in _facts(text, 2023, agency=agency)]
    assert present is None or present in rows
    assert absent is None or absent not in rows


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A clause after the count that counts something of its own is a statement of its own,
        # not what the items answered; the purpose clause alone still marks a topic.
        (
            "通过县政府门户网站发布信息3043余条,回应公众关注的热点或重大舆情15次。",
            ("items_published", "website", 3043),
            None,
        ),
        (
            "全年在政府网站发布信息120条，回应了群众关切的热点问题。",
            None,
            ("items_published", "website", 120),
        ),
        # A gazette's issues published (出版).
        ("出版某县人民政府公报3期。", ("items_published", "gazette", 3), None),
        # Another channel's count after the year's own is no running total of it; the year
        # printed without 年 opening the sentence dates a 累计; the hotline with another way
        # named before 等平台 is not counted alone.
        (
            "2023年,全年在某区政务网站发布各类信息5525条,微信公众号累计发布1800余篇。",
            ("items_published", "wechat_official", 1800),
            None,
        ),
        (
            "2023年度我局主动公开政府信息44件，累计主动公开政府信息2305条。",
            None,
            ("items_published", "all", 2305),
        ),
        (
            "2023,通过政府信息公开平台累计主动公开政府信息960条。",
            ("items_published", "all", 960),
            None,
        ),
        (
            "全年回复办理群众在“12345”市长与网民等平台上反馈的问题共160件。",
            None,
            ("hotline_received", "hotline", 160),
        ),
        # Requests other bodies handled under the body's guidance are theirs.
        (
            "受理信息公开申请3件,办结3件。指导乡镇、县政府工作部门处理信息公开申请10件。",
            ("applications_received", "all", 3),
            ("applications_received", "all", 10),
        ),
    ],
)
def test_readings_of_the_fourth_and_fifth_measured_groups_once_measured(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2023, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A gazette's issues made: 编辑, 制作 with the gazette their object right before the
        # count, 编辑完成 too; the documents the issues carried are no items.
        (
            "全年编辑《某市人民政府公报》24期，刊登规章、规范性文件等243件。",
            ("items_published", "gazette", 24),
            None,
        ),
        ("制作《某市人民政府公报》6期，召开发布会12场。", ("items_published", "gazette", 6), None),
        ("编辑完成《某县政府公报》4期，开设公报专栏。", ("items_published", "gazette", 4), None),
        # The answer given, said by its helper in place of a timing, closes what was counted;
        # 进行 describes the duty as well as the act, so it alone closes nothing.
        (
            "收到申请公开政府信息的要求1件，完成答复。",
            ("applications_closed", "all", 1),
            None,
        ),
        ("共收到政府信息公开申请3件，予以答复。", ("applications_closed", "all", 3), None),
        ("共收到政府信息公开申请3件，进行答复。", None, ("applications_closed", "all", 3)),
        # 区分处理后公开: the template's words for a partial disclosure, an outcome, never a
        # count received.
        (
            "共收到申请8件，均按要求做好登记、审核、办理、答复等各项工作。其中，同意公开3件；"
            "无法提供4件；区分处理后公开1件。",
            ("applications_partial", "all", 1),
            ("applications_received", "all", 1),
        ),
        (
            "共收到申请5件，予以公开3件，区分处理后予以公开2件。",
            ("applications_partial", "all", 2),
            ("applications_granted", "all", 2),
        ),
    ],
)
def test_readings_of_whole_reports_from_public_repositories(
    text: str, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, 2024, present, absent)


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # The published part of what was made, after 其中 and a comma.
        (
            "全年共制发政府信息437条，其中，主动公开政府信息55条（涵盖政策类6条、其他30条）、"
            "依申请公开341条、不予公开41条。",
            2019,
            ("items_published", "all", 55),
            None,
        ),
        # The report year's part of a running total is that year's count.
        (
            "截至目前，我局在管委会门户网站累计主动公开政府信息1770条，全文电子化达100%，"
            "其中2019年度我局共主动公开政府信息202条。",
            2019,
            ("items_published", "all", 202),
            ("items_published", "website", 1770),
        ),
        # A sub-column of the site holds a part of one of its columns, never the whole site;
        # a township's own column on the county portal still is its site.
        (
            "依托实验区门户网站“基层政务公开”栏下的“户籍管理”子栏目，发布户籍管理政策及工作动态24条。",
            2022,
            None,
            ("items_published", "website", 24),
        ),
        (
            "在政府门户网站“白水乡专栏”发布信息50条。",
            2022,
            ("items_published", "website", 50),
            None,
        ),
        # One application answered after the steps of its handling, four clauses on.
        (
            "2022年，我局收到政府信息公开申请1件，已按照相关法规，逐级审查办理，"
            "区分可以公开和不予公开部分内容后，作出答复。",
            2022,
            ("applications_closed", "all", 1),
            None,
        ),
    ],
)
def test_readings_of_crawled_department_reports(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_a_list_of_channels_parted_by_commas_shares_its_first_verb_throughout() -> None:
    # Every item after the first statement shares its verb, not only the first after it (the
    # third and later items were left before), and each quote opens with its channel.
    text = (
        "全年局门户网站主动公开信息2978条，政务微信321条，政务微博260条，抖音号79条，"
        "今日头条号181条。"
    )
    rows = [f[:3] for f in _facts(text, 2022)]
    for fact in [
        ("items_published", "website", 2978),
        ("items_published", "wechat_official", 321),
        ("items_published", "weibo", 260),
        ("items_published", "short_video", 79),
        ("items_published", "other", 181),
    ]:
        assert fact in rows
    quotes = {r.value: r.evidence for r in extract_facts({"overview": text}, 2022)}
    assert quotes[321] == "政务微信321条" and quotes[260] == "政务微博260条"
    # A first statement that publishes nothing lends no verb to the items after it.
    assert not _facts("通过门户网站回复留言36条，微信公众号20条，微博5条。", 2022)
    # Nor does a total to the parts of its breakdown: those follow the breakdown's rules.
    text = "在各级媒体刊发稿件4132篇，其中国家级媒体30篇，省级媒体507篇。"
    assert _facts(text, 2024) == [("items_published", "media", 4132, "exact", "篇")]


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # The rest closed after some carried forward: their number is not printed.
        (
            "全年共收到政府信息公开申请34件，申请的内容主要涉及医疗信息等方面信息，"
            "除1件结转下年度继续办理外，其余均按时办结答复。",
            2025,
            ("applications_received", "all", 34),
            ("applications_closed", "all", 34),
        ),
        # Answers past the time limit are no closed count.
        (
            "2024年，全区共收到政府信息依申请件454件，答复458件（含上年结转8件），"
            "结转下年办理4件，超期答复件 0 件。",
            2024,
            ("applications_closed", "all", 458),
            ("applications_closed", "all", 0),
        ),
        # Events of several kinds under one count are no press conferences' count …
        (
            "依托企业服务综合平台，全年举办新闻发布会、政策解读、直播培训等共31场。",
            2022,
            None,
            ("other", "press_conference", 31),
        ),
        # … though press events of another name with them are.
        (
            "全年在政务网站发布各类信息9252条，召开新闻发布会及集体采访报导活动2次。",
            2022,
            ("other", "press_conference", 2),
            None,
        ),
        # A sum word in a breakdown that adds up its parts states the total.
        (
            "2025年，某镇全面推进信息主动公开。其中，通过县人民政府网站更新信息14条，"
            "政务新媒体更新486条、全年总计更新主动公开信息500条。",
            2025,
            ("items_published", "all", 500),
            None,
        ),
        # The examples of "other ways", all of one channel, say which channel.
        (
            "通过微信公众平台主动公开各类信息1514条；通过公开栏、电子显示屏等其他渠道公开713条。",
            2024,
            ("items_published", "offline_board", 713),
            ("items_published", "other", 713),
        ),
        # A channel and other platforms joined to it: several channels.
        (
            "其中，通过门户网站信息及其他政府公开平台公开信息共501条。",
            2025,
            None,
            ("items_published", "website", 501),
        ),
        # A clause that is only the way through a channel lists it with the next clause's.
        (
            "其中，通过市交通运输委门户网站，市、区两级媒体途径公开信息共172条。",
            2025,
            None,
            ("items_published", "website", 172),
        ),
        # The count, then 中 (among them) before its parts.
        (
            "通过门户网站在2023年度主动公开的35条政府信息中，其中组织机构1条、业务工作34条。",
            2023,
            ("items_published", "website", 35),
            None,
        ),
        # A gazette's issues counted before its name, made after it.
        (
            "2024年共完成9期《南昌市人民政府公报》的编辑出版和发行工作，共刊登市政府文件47个。",
            2024,
            ("items_published", "gazette", 9),
            None,
        ),
        # The year's new items after a running total.
        (
            "通过门户网站、微信公众号等平台载体，累计主动公开政府信息3819条，本年度新增295条。",
            2024,
            ("items_published", "all", 295),
            ("items_published", "all", 3819),
        ),
    ],
)
def test_readings_of_the_evening_held_out_round(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_a_way_through_channels_in_brackets_is_no_clause_of_its_own() -> None:
    # 通过政务新媒体(微信公众号): the bracket names the account; the way is no list of channels.
    text = "通过政务新媒体(微信公众号)发布信息251条。"
    assert ("items_published", "wechat_official", 251) in [f[:3] for f in _facts(text, 2020)]


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # Received after the applications carried over, in the same sentence.
        (
            "上年结转政府信息公开申请21件，本年新收434件，办理434件，剩余21件结转下一年度处理。",
            2024,
            ("applications_received", "all", 434),
            None,
        ),
        # An item of a list sharing joined verbs (受理答复) is received and resolved.
        (
            "全年共受理答复“县长信箱”网民留言411件、12345市民热线6963件，办结率均为100%。",
            2023,
            ("hotline_received", "hotline", 6963),
            None,
        ),
        # One way of asking and every other: none at all.
        (
            "2023年1月1日至12月31日，太和街道未接收到书面或其他形式要求公开政府信息的申请。",
            2023,
            ("applications_received", "all", 0),
            None,
        ),
        # A list of none joined by 且.
        (
            "2023年未接到政府信息公开申请且未出现政府信息公开申请行政复议、提起行政诉讼等情况。",
            2023,
            ("applications_received", "all", 0),
            None,
        ),
        # No fee, with 的 before 收费.
        (
            "2023年未收到政府信息公开申请，不存在政府信息公开的收费及减免情况。",
            2023,
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        # A closed part, timed by 在限期内.
        (
            "2024年，我镇共受理政府信息公开申请27件，其中26件已在限期内答复申请人，"
            "1件还在答复限期内。",
            2024,
            ("applications_closed", "all", 26),
            None,
        ),
        # 办理 alone in a part of a count handled, not received: the calls that came in.
        (
            "全年共办理网民留言1993件，其中，办理12345网上群众热线1925件，市长信箱31件。",
            2024,
            ("hotline_received", "hotline", 1925),
            ("hotline_resolved", "hotline", 1925),
        ),
        # What 并 joins after the count is said of the items, no noun of them.
        (
            "在政务新媒体发布信息759条并达到超17万次阅读量。",
            2023,
            ("items_published", "other", 759),
            None,
        ),
        # A site by its name, in quotes.
        (
            "通过“通化市农网”公开政务信息工作动态1587条。",
            2023,
            ("items_published", "website", 1587),
            None,
        ),
    ],
)
def test_readings_of_the_second_evening_round(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_a_part_of_calls_received_stays_a_part() -> None:
    text = "12345热线共受理2720件（其中承办单2299件，重新办理单421件）。"
    rows = [f[:3] for f in _facts(text, 2024)]
    assert ("hotline_received", "hotline", 2720) in rows
    assert not any(r[2] in (2299, 421) for r in rows)


@pytest.mark.parametrize(
    ("text", "year", "present"),
    [
        # The count's own noun names the requests; a 申请 clauses before it is no kind of them.
        (
            "严格遵循依申请公开工作规范，确保申请事项“件件有回音、事事有着落”2025年度，"
            "收到6条依申请公开事项，已按期办结。",
            2025,
            ("applications_received", "all", 6),
        ),
        # 政府工作信息 is government information as such: a stated total.
        ("2021年，枣巷镇共主动公开政府工作信息228条。", 2021, ("items_published", "all", 228)),
        # 条数: the count of items named by its measure word.
        ("2025年度，芦庙镇主动公开政府信息条数921条。", 2025, ("items_published", "all", 921)),
    ],
)
def test_readings_of_the_third_evening_round(text: str, year: int, present: tuple) -> None:
    _assert_read(text, year, present, None)


def test_new_media_broken_down_into_its_accounts_gives_the_accounts() -> None:
    text = "通过政务新媒体公开政府信息共计416条，其中政务微博公开86条，政务微信公开330条。"
    rows = [f[:3] for f in _facts(text, 2022)]
    assert ("items_published", "weibo", 86) in rows
    assert ("items_published", "wechat_official", 330) in rows
    assert ("items_published", "other", 416) not in rows
    # Without the accounts after it, new media's count is channel other, as before.
    assert ("items_published", "other", 416) in [
        f[:3] for f in _facts("通过政务新媒体公开政府信息416条。", 2022)
    ]


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # A breakdown in brackets closes there; the one opened before it goes on.
        (
            "2020年，我局公开信息687条，其中主动公开668条（包括规划信息、征地信息等），"
            "依申请公开19条。",
            2020,
            ("items_published", "all", 668),
            ("applications_received", "all", 19),
        ),
        # A hotline's name may run into its count, and verbless items share the list's verb.
        (
            "全年共收到来信1233件，书记信箱101件，市长热线493件，接访3000余人次。",
            2020,
            ("hotline_received", "hotline", 493),
            None,
        ),
        # A party-affairs disclosure site, and a site named in quotes before 网.
        (
            "本局2019年累计主动公开政府信息1800条，其中区党务公开网公开55条，“上海环境”网公开461条。",
            2019,
            ("items_published", "website", 461),
            ("items_published", "all", 461),
        ),
        ("在门户专属网页上主动公开各类信息74条。", 2024, ("items_published", "website", 74), None),
        # The year's new ones beside those carried over, in a breakdown of those handled.
        (
            "认真办理政府信息依申请公开件。全年共办理118件，其中本年新受理110件，上年结转8件。",
            2020,
            ("applications_received", "all", 110),
            None,
        ),
        ("2024年依申请公开情况1件，办结1件。", 2024, ("applications_received", "all", 1), None),
        # Traditional ways taken together are a channel of their own, not the total.
        (
            "我镇主动公开政府信息687条。网站公开政府信息357条，传统渠道公开政府信息132条。",
            2022,
            ("items_published", "other", 132),
            ("items_published", "all", 132),
        ),
        # A board's name that holds a verb (公示公告栏) is an item of the list.
        (
            "主动公开政府信息378条，县人民政府网站信息公开60条，公示公告栏318条。",
            2024,
            ("items_published", "offline_board", 318),
            None,
        ),
        # The main way of several is not the only one.
        (
            "我局以门户网站为主渠道，全年共主动公开政府信息860条。",
            2023,
            ("items_published", "all", 860),
            ("items_published", "website", 860),
        ),
        (
            "本年度我局共收到依申请公开1件，已通过邮寄的方式进行了答复。",
            2022,
            ("applications_closed", "all", 1),
            None,
        ),
        # The public's concerns met are no calls resolved.
        (
            "通过12345政务服务便民热线受理咨询和意见建议26件，及时回应群众关心关切。",
            2024,
            ("hotline_received", "hotline", 26),
            ("hotline_resolved", "hotline", 26),
        ),
        # Asides one after another: the channel before the first of them.
        (
            "2023年，通过某某高新区（某某园区）管理委员会网站（以下简称为高新区网站）发布（更新）"
            "各类政务信息759条。",
            2023,
            ("items_published", "website", 759),
            ("items_published", "all", 759),
        ),
        # The information made public as a noun, summed: a stated total without a verb.
        (
            "全年政务公开信息共44条。其中政府信息公开指南1条。",
            2025,
            ("items_published", "all", 44),
            None,
        ),
        # Applications received by one way, beside the year's count in another sentence.
        (
            "通过政务公开专区接收政府信息公开申请12件。2023年，全区收到政府信息公开申请278件。",
            2023,
            ("applications_received", "all", 278),
            ("applications_received", "all", 12),
        ),
        # To be handled on in the next year is carried forward, not closed.
        (
            "2022年，我局收到依申请公开164件，结转上年2件；办理85件，下年度继续办理81件。",
            2022,
            ("applications_carried_forward", "all", 81),
            ("applications_closed", "all", 81),
        ),
        # A zero statement in an aside, and one joined by 和.
        (
            "其中依申请公开0条（2022年未接到依申请公开），机构设置1条。",
            2022,
            ("applications_received", "all", 0),
            None,
        ),
        (
            "2020年，我局无依申请公开和不予以公开政府信息。",
            2020,
            ("applications_received", "all", 0),
            None,
        ),
        ("本年度，我局未收到依申请公开申请事项。", 2023, ("applications_received", "all", 0), None),
        # The rest after none set apart is all of them.
        (
            "2023年，共受理政府信息公开申请件59件，其中结转下年度0件，其余受理的申请件已依法予以答复。",
            2023,
            ("applications_closed", "all", 59),
            None,
        ),
        # One application counted in 次 right after its noun.
        (
            "2023年度兴盛街道收到自然人政府信息公开申请一次，已按期给予书面答复。",
            2023,
            ("applications_closed", "all", 1),
            None,
        ),
        # A site's list of kinds, the next one named with its verb: no site count.
        (
            "通过某区政府网站信息公开平台主动公开部门工作动态5条，财务公开2条，公告公示0条。",
            2025,
            None,
            ("items_published", "website", 5),
        ),
        # What the publishing completed was of, after 完成.
        (
            "2024年，章丘区共完成各类信息发布12209条，其中概况类信息198条。",
            2024,
            ("items_published", "all", 12209),
            None,
        ),
        # Another act joined by 并 after the closing words.
        (
            "本年度我委共收到政府信息公开申请11件。其中，当面申请2件，邮寄申请8件，"
            "11件申请均在规定时间内办理完成并录入管理系统。",
            2023,
            ("applications_closed", "all", 11),
            None,
        ),
        # The main platform named in the count's own clause makes it that channel's.
        (
            "2025年以部门网站为主要公开平台发布信息1287条，其中本单位政务动态类信息159条。",
            2025,
            ("items_published", "website", 1287),
            ("items_published", "all", 1287),
        ),
        # Requests counted as 项目 with no verb; a zero statement of 受理件 or 案件.
        ("2023年，普安镇依申请公开项目0件。", 2023, ("applications_received", "all", 0), None),
        (
            "2025年，大石坝街道未收到申请政府信息公开的受理件。",
            2025,
            ("applications_received", "all", 0),
            None,
        ),
        ("2025年我局未收到依申请公开案件。", 2025, ("applications_received", "all", 0), None),
        # Those handled, the year's new and those not closed the year before after 其中.
        (
            "2025年，复兴街道办事处共办理8件政府信息公开申请，其中本机关新收5件，上年度未办结3件。"
            "办结7件，结转次年办理1件。",
            2025,
            ("applications_received", "all", 5),
            ("applications_received", "all", 8),
        ),
        ("共承办12345公众热线28件。", 2025, ("hotline_received", "hotline", 28), None),
        # A gazette's issues compiled or printed and issued; the copies printed are no items.
        (
            "全年共编发《某市人民政府公报》6期，发行1800份。",
            2024,
            ("items_published", "gazette", 6),
            ("items_published", "gazette", 1800),
        ),
        (
            "累计主动公开各类信息3066条，编制《某市人民政府公报》4期，“某某政务”新浪微博发文2900余条。",
            2021,
            ("items_published", "gazette", 4),
            None,
        ),
        # A sum word alone after what was published, in the clause before.
        (
            "某街道通过市人民政府网、公开栏等形式面向社会公开了各类信息，共计100余条。",
            2022,
            ("items_published", "all", 100),
            None,
        ),
        # A running total after a sentence whose heading runs into the year and the body.
        (
            "(一)主动公开2020年我处主动公开政务信息主要包括机构职能、政策法规六大类。"
            "累计公开186条信息，其中，行政网站信息主动公开42条，同时在政务微信平台公开政务信息144条。",
            2020,
            ("items_published", "all", 186),
            None,
        ),
        # A total whose channels add up to it, the site's own parts inside the site's count.
        (
            "全年累计发布信息19135条信息，其中政府网站发布信息3832篇，概况类信息更新量269条，"
            "信息公开目录信息更新量3563条；政务微信发布信息14220篇，政务微博发布信息1083篇。",
            2022,
            ("items_published", "all", 19135),
            None,
        ),
        (
            "我局通过政府网站主动公开各类政府信息717条，其中政府网站公开信息594条、"
            "政务微信公开政府信息123条。",
            2022,
            ("items_published", "all", 717),
            ("items_published", "website", 717),
        ),
        # A gazette's issues, then its print run right after them.
        (
            "编审刊发《某县人民政府公报》6期1920份，并同步发布电子文本。",
            2022,
            ("items_published", "gazette", 6),
            ("items_published", "gazette", 1920),
        ),
        (
            "2023年，我单位共收到依申请公开申请1项，均已按时按质按规答复。",
            2023,
            ("applications_closed", "all", 1),
            None,
        ),
        # What a channel named before an aside includes is not where the count went.
        (
            "其他渠道（包括政务服务平台、新闻发布会等）发布信息105条。",
            2025,
            ("items_published", "other", 105),
            None,
        ),
        # Another body's applications, the body helping.
        (
            "全年共受理政府信息公开申请2宗，协助区政府办理政府信息公开申请1宗。",
            2023,
            ("applications_received", "all", 2),
            ("applications_closed", "all", 1),
        ),
        # Requests for government information, its 公开 left out, counted in 起.
        (
            "全年累计收到2起政府信息申请，均在法定时限内依法依规予以答复。",
            2025,
            ("applications_closed", "all", 2),
            None,
        ),
        # Applications withdrawn or given up are one kind of outcome, not all received.
        (
            "申请人主动撤回信息公开申请3件。",
            2025,
            None,
            ("applications_received", "all", 3),
        ),
        # None received by the first way listed and every other way after it.
        (
            "2022年以来，未收到当面申请、网站提交、电子邮件、传真、信函和其他形式的政府信息公开申请。",
            2022,
            ("applications_received", "all", 0),
            None,
        ),
        (
            "2024年我局主动公开各类政府信息数据57条。",
            2024,
            ("items_published", "all", 57),
            None,
        ),
        (
            "收费和减免情况：本年度无依申请公开收费和减免事项。",
            2023,
            ("fee_collected_yuan", "all", 0),
            None,
        ),
        ("编辑出版《公报》12期，发行6万多册。", 2023, ("items_published", "gazette", 12), None),
        # The next statement after a semicolon or an enumerator says nothing of the count.
        (
            "二是全年累计解读各类政策26件，发布解读材料76篇，编辑政府公报4期；"
            "三是及时回应社会关切热点问题，开展意见征集7次。",
            2023,
            ("items_published", "gazette", 4),
            None,
        ),
        # Articles placed in the media, online media among them.
        (
            "通过各级网络媒体刊稿630余篇，通过各级报纸报刊刊稿2100余篇。",
            2022,
            ("items_published", "media", 630),
            None,
        ),
        # Not processed is one kind of outcome, not a closed count.
        (
            "全年共收到政府信息公开申请50件，予以公开16件，部分公开3件，申请人无正当理由逾期不补正、"
            "行政机关不再处理其政府信息公开申请2件，结转下年度继续办理2件。",
            2023,
            None,
            ("applications_closed", "all", 2),
        ),
        ("通过攸县“智慧攸州”手机平台发稿55条。", 2023, ("items_published", "app", 55), None),
        # Through every kind of platform, summed: the total.
        ("2024年通过各类平台发布信息共计12176条。", 2024, ("items_published", "all", 12176), None),
        # Calls received and closed, the assigning verb naming them (交办事项).
        (
            "全年收到并按时办结“陕西12345便民服务热线”交办事项7件。",
            2023,
            ("hotline_resolved", "hotline", 7),
            None,
        ),
        # A site named in quotes, the quote closed before 网.
        (
            "2024年，我局在“梁溪区人民政府”网主动公开政府信息51篇。",
            2024,
            ("items_published", "website", 51),
            ("items_published", "all", 51),
        ),
        # No fee under the template's heading for the fees.
        ("（三）收费及减免情况。未收取费用。", 2022, ("fee_collected_yuan", "all", 0), None),
        ("通过“水润贵州”微博公众平台公开78条。", 2021, ("items_published", "weibo", 78), None),
        # Examples of new media in brackets ending with 等: new media's count, channel other.
        (
            "通过政务新媒体（微信公众号等）公开229条。",
            2025,
            ("items_published", "other", 229),
            None,
        ),
    ],
)
def test_readings_of_the_december_night_rounds(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # Closed within a number of working days, in the sentence after the count.
        (
            "2025年，我镇共受理政府信息公开申请2件。经会商研判，所有申请均在法定20个工作日内办结并答复。",
            2025,
            ("applications_closed", "all", 2),
            None,
        ),
        # All answered lawfully (合法合规), no timing.
        (
            "2024年度，某镇共收到政府信息公开申请21条，均合法合规予以答复。",
            2024,
            ("applications_closed", "all", 21),
            None,
        ),
        # A full stop typed as an ASCII period ends the zero statement.
        ("2022年，未收到依申请公开事项.", 2022, ("applications_received", "all", 0), None),
        # A change on the year before is no second kind of a list.
        (
            "2023年通过县政府网站公开统计信息100余条，较上年度增加10余条。",
            2023,
            ("items_published", "website", 100),
            None,
        ),
        # 处办: the hotline's work orders handled, nothing received counted before them.
        (
            "2023年，办理回复领导信箱来件94件和处办12345政务服务便民热线工单共计7639件。",
            2023,
            ("hotline_received", "hotline", 7639),
            None,
        ),
        # Subordinate units' applications beside the body's own counted before them.
        (
            "2024年，市政府共受理群众依申请公开申请29件，各乡镇政府，市政府各部门共受理依申请公开申请24件。",
            2024,
            ("applications_received", "all", 29),
            ("applications_received", "all", 24),
        ),
        # The site and new media of every kind (各类政务新媒体): several channels, a total.
        (
            "二是通过政府网站、各类政务新媒体主动公开各类政府信息14000余条。",
            2023,
            ("items_published", "all", 14000),
            ("items_published", "website", 14000),
        ),
        # An open day one of several kinds of events under one count: no open-day count.
        (
            "在某中心举办“政策公开讲”“政务开放日”等31场政务公开活动。",
            2024,
            None,
            ("open_day_events", "open_day", 31),
        ),
        # Areas of the body's work listed with 等, then information of every kind: the total.
        (
            "全年聚焦业务动态、政策法规等领域，共主动公开各类政府信息79条。",
            2025,
            ("items_published", "all", 79),
            None,
        ),
        # Received including those carried over from a year named: no received count.
        (
            "2023年，全区各行政机关共收到政府信息公开申请2076件（含2022年结转67件），作出答复2062件。",
            2023,
            ("applications_closed", "all", 2062),
            ("applications_received", "all", 2076),
        ),
        # 累计 in the sentence after one the year opened with its running total.
        (
            "2025年累计收到公民、法人依申请公开申请35件，其中网络收件23件。累计回复公开申请38件。",
            2025,
            ("applications_closed", "all", 38),
            None,
        ),
    ],
)
def test_readings_of_the_small_hours_round(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # Timings one after another across commas, a long title among them.
        (
            "2021年，我市共收到政府信息公开申请322件，其中自然人申请219件，其他申请34件，均严格按照"
            "《中华人民共和国政府信息公开条例》《某自治区政务公开领导小组办公室关于印发某自治区政府"
            "信息依申请公开工作制度的通知》要求，在法定时限内，根据自治区的统一方式依法依规予以答复。",
            2021,
            ("applications_closed", "all", 322),
            None,
        ),
        # Reposts alone, stated apart from the site's own count.
        (
            "全年通过某市政府门户网站发布政府信息18136条，通过政府网站转载国家、省政府信息7271条。",
            2024,
            ("items_published", "website", 18136),
            ("items_published", "website", 7271),
        ),
        # A site's Weibo account, named by the site.
        (
            "2022年，东方市人民政府网站微博更新数量1430条。",
            2022,
            ("items_published", "weibo", 1430),
            None,
        ),
        ("2023年政务微博公众号发布信息48264条。", 2023, ("items_published", "weibo", 48264), None),
        # Levels of the same channel's count: no second website count.
        (
            "2025年，全市政府网站集群累计公开政府信息27108条，其中市级政府网站公开8020条，各县(区)"
            "政府网站共公开19088条。",
            2025,
            ("items_published", "website", 27108),
            ("items_published", "website", 8020),
        ),
        # The year's own answers in a breakdown beside those carried forward.
        (
            "2023年我办收到政府信息公开申请信件22件，其中本年度答复21件，结转下年度办理1件。",
            2023,
            ("applications_closed", "all", 21),
            None,
        ),
        # A gazette's issues, then a kind of content counted in the next clause.
        (
            "2024年通过市人民政府门户网站发布政策文件136份、编辑出版政府公报9期，发布政府常务会议信息16条。",
            2024,
            ("items_published", "gazette", 9),
            None,
        ),
        # Those handled, then the carried over and the year's new adding up to them.
        (
            "指导全市规范受理依申请公开301件，上年度结转申请3件，新增298件。",
            2022,
            ("applications_received", "all", 298),
            ("applications_received", "all", 301),
        ),
        # All answered but those carried forward: the closed number is not printed.
        (
            "2022年共受理申请50件，结转下年度继续办理5件，均在法定期限内答复。",
            2022,
            ("applications_received", "all", 50),
            ("applications_closed", "all", 50),
        ),
        # Another medium joined to the site (以及其他新闻媒介): a stated total.
        (
            "2021年度，我局通过县政府门户网站以及其他新闻媒介先后主动公开各类信息40余条。",
            2021,
            ("items_published", "all", 40),
            ("items_published", "website", 40),
        ),
        # The role a channel is given in a clause of its own is no place of the count.
        (
            "2021年，市人防办持续强化门户网站信息公开第一平台作用，主动公开各类信息共272条。",
            2021,
            ("items_published", "all", 272),
            ("items_published", "website", 272),
        ),
        # The year's priorities and the public's concerns are no topic.
        (
            "2025年，关东街紧紧围绕年度重点与群众关切，系统部署、扎实推进全年累计主动公开各类信息8条。",
            2025,
            ("items_published", "all", 8),
            None,
        ),
        # The way each part went, named after its count.
        (
            "截止2024年12月31日，我镇主动公开政府信息232条，其中20条通过政府网站内容管理系统公开，"
            "212条通过公示栏公开。",
            2024,
            ("items_published", "offline_board", 212),
            None,
        ),
        # Those handled including some carried over, the noun after the count.
        (
            "2025年，某区人民政府办理691条依申请事项（含上年结转31件）。",
            2025,
            None,
            ("applications_received", "all", 691),
        ),
        # 已公开 among outcomes listed: disclosed, not the closed count.
        (
            "2024年，我委共收到政府信息公开申请16件。其中8件已公开；6件部分公开；2条本机关不掌握相关政府信息。",
            2024,
            ("applications_received", "all", 16),
            ("applications_closed", "all", 8),
        ),
    ],
)
def test_readings_of_the_second_small_hours_round(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    "text,year,present,absent",
    [
        # A Weibo account's client is Weibo, no app beside it.
        (
            "全年通过门户网站主动公开信息141条，通过“某某交通”微信公众号公开信息209条、"
            "“某某交通”微博客户端公开信息98条。",
            2025,
            ("items_published", "weibo", 98),
            None,
        ),
        # The site's official account is the account, not the site.
        (
            "2019年，开通了市政府门户网站官方微信公众号，公开政府信息141条。",
            2019,
            ("items_published", "wechat_official", 141),
            ("items_published", "website", 141),
        ),
        # Channels' counts parted by semicolons, then their sum with 累计: the year's total.
        (
            "今年以来，我局部门网站共公开信息584条；政务微博公开信息53条；政务微信公众号公开"
            "信息60条；累计公开信息697条。",
            2023,
            ("items_published", "all", 697),
            None,
        ),
        # The report year's part of a running total, no channel named.
        (
            "主动公开政府信息历年累计共224份，其中2024年度8份。",
            2024,
            ("items_published", "all", 8),
            ("items_published", "all", 224),
        ),
        # The year's new applications beside none carried over from the year named before.
        (
            "严格在法定期限内对依申请公开件进行答复。2023年新受理39件，2022年结转0件，共办结39件。",
            2023,
            ("applications_received", "all", 39),
            None,
        ),
        # Four ways of asking listed, none used: no applications at all.
        (
            "截止12月31日，未收到信息公开当面申请、传真申请、网络申请、信函申请。",
            2023,
            ("applications_received", "all", 0),
            None,
        ),
        # Two ways listed are two ways' parts, not all applications.
        (
            "2023年，未收到当面申请、网络申请。",
            2023,
            None,
            ("applications_received", "all", 0),
        ),
        # A gazette's print run is copies, not items published.
        (
            "2019年《某市人民政府公报》由月刊改为半月刊，全年发行总数达72000份。",
            2019,
            None,
            ("items_published", "gazette", 72000),
        ),
        # The first way and those that supplement it are no place of the count.
        (
            "以政府网站为第一公开平台，政务新媒体和其他传统公开形式为补充，全年主动公开政府信息8697条。",
            2020,
            ("items_published", "all", 8697),
            ("items_published", "other", 8697),
        ),
        # Requests answered (回复依申请公开) beside what was published: the closed count.
        (
            "全年主动公开政府信息8697条，召开政府新闻发布会9次，回复依申请公开20条。",
            2020,
            ("applications_closed", "all", 20),
            None,
        ),
        # A portal's main site is the website.
        (
            "2019年，“中国某某”主站信息发布量为4824条。",
            2019,
            ("items_published", "website", 4824),
            None,
        ),
        # The areas of its work listed before 等相关领域信息: all it published.
        (
            "2022年我街主动公开乡村振兴、医疗、养老、就业等相关领域信息共计200余条。",
            2022,
            ("items_published", "all", 200),
            None,
        ),
    ],
)
def test_readings_of_the_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    "text,year,present,absent",
    [
        # Answered as the regulation says (按照《…》), the title ending the timing.
        (
            "本年我局共收到信息公开申请2件，均按照《政府信息公开条例》进行了答复。",
            2023,
            ("applications_closed", "all", 2),
            None,
        ),
        # A title naming where they went closes nothing.
        (
            "本年我局共收到信息公开申请2件，均转交《某某》办理。",
            2023,
            None,
            ("applications_closed", "all", 2),
        ),
        # 信件 as the way the requests came, by post, not letters to a mailbox.
        (
            "网上申请、信件邮寄等形式的依申请公开件共12件，均依法依规按时办结。",
            2025,
            ("applications_closed", "all", 12),
            None,
        ),
        # 对申请: a preposition before 申请, no other kind of application.
        (
            "杏滨街道2021年度共受理信息公开申请3件。对申请的办理情况：已按时答复2件。",
            2021,
            ("applications_closed", "all", 2),
            None,
        ),
        # Every kind it published, listed and numbered: the total.
        (
            "本年度主动公开概况信息、人事任免、政策文件、规划计划等14类政府信息，共计253条。",
            2024,
            ("items_published", "all", 253),
            None,
        ),
        # Kinds numbered but not listed stay one kind of content.
        ("本年度共公开3类信息12条。", 2024, None, ("items_published", "all", 12)),
        # A unit's own channel of the city portal is the website.
        (
            "2023年，我局在本单位频道主动公开政府信息787条。",
            2023,
            ("items_published", "website", 787),
            ("items_published", "all", 787),
        ),
    ],
)
def test_readings_of_the_second_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    "text,year,present,absent",
    [
        # Ways of asking that add up to the count, then those carried over beside them.
        (
            "全年共接收政府信息公开申请176件，其中线上申请132件、信函申请44件，上年结转2件。",
            2025,
            ("applications_received", "all", 176),
            None,
        ),
        # The year's new and the carried over adding up to it: the count includes them.
        (
            "受理申请121件（其中本年度新收申请数112件，上年结转申请数9件）。",
            2022,
            ("applications_received", "all", 112),
            ("applications_received", "all", 121),
        ),
        # Answered for a reason, among outcomes listed with their reasons: one kind of answer.
        (
            "全年共接收政府信息公开申请17件，均在法定期限内办结。经审核分类办理，予以公开2件、"
            "部分公开5件，因不属于本单位公开范围等情形依规答复8件，因申请事项属于行政查询范畴"
            "依法不予公开2件。",
            2025,
            ("applications_closed", "all", 17),
            ("applications_closed", "all", 8),
        ),
        # Documents reported, one of them made public: no items published.
        (
            "本年度共报送各类文件10件，其中主动公开1件、依申请公开8件，不予公开1件。",
            2023,
            None,
            ("items_published", "all", 1),
        ),
        # The county's departments and its towns and streets: units under the body.
        (
            "2019年，某县主动公开政府信息65322条，县直有关部门主动公开政府信息22636条，"
            "镇、街道主动公开政府信息21616条。",
            2019,
            ("items_published", "all", 65322),
            ("items_published", "all", 22636),
        ),
        # 接处: the hotline's calls taken in.
        (
            "12345便民服务热线共计接处群众来电反映事项11845件。",
            2021,
            ("hotline_received", "hotline", 11845),
            None,
        ),
        # The site first among the ways listed before 等其他方式: every way, the total.
        (
            "2021年通过政府门户网站、电子大屏、微博、微信及“某某政府网站”手机客户端等其他方式"
            "累计主动向社会公开信息3246条。",
            2021,
            ("items_published", "all", 3246),
            ("items_published", "other", 3246),
        ),
        # Every part of its work, listed with 等各项工作情况信息: the total.
        (
            "在2023年度主动公开财政预算、工作动态、森林草原防灭火等各项工作情况信息27条。",
            2023,
            ("items_published", "all", 27),
            None,
        ),
    ],
)
def test_readings_of_the_third_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_the_fees_and_waivers_of_the_old_regulation_stated_as_none() -> None:
    rows = [f[:3] for f in _facts("4、政府信息公开的收费及减免情况：无。", 2021)]
    assert ("fee_collected_yuan", "all", 0) in rows
    # Fees waived, counted: no fee read from that.
    rows = [f[:3] for f in _facts("（三）收费及减免情况。本年度共减免费用2件。", 2021)]
    assert not [r for r in rows if r[0] == "fee_collected_yuan"]


def test_information_of_the_bodys_own_field_named_as_a_kind_is_all_of_it() -> None:
    text = "本年度通过区政府门户网站主动公开卫生健康类政府信息460余条。"
    rows = [f[:3] for f in _facts(text, 2024, agency="某市某区卫生健康局")]
    assert ("items_published", "website", 460) in rows
    # Another field's kind in a health bureau's report stays one kind of content.
    text = "本年度通过区政府门户网站主动公开教育类政府信息30条。"
    rows = [f[:3] for f in _facts(text, 2024, agency="某市某区卫生健康局")]
    assert ("items_published", "website", 30) not in rows


def test_every_level_of_a_governments_area_is_its_report_total() -> None:
    text = "2020年，全市各级各部门通过政府门户网站、政务新媒体等渠道，主动公开政府信息20万余条。"
    rows = [f[:3] for f in _facts(text, 2020, agency="某某市人民政府")]
    assert ("items_published", "all", 200000) in rows
    # A department's report: the whole area's count is not its own.
    rows = [f[:3] for f in _facts(text, 2020, agency="某某市教育局")]
    assert ("items_published", "all", 200000) not in rows
    # Units under it alone (各部门 without 各级) stay the units' aggregate in a government's too.
    text = "2020年，全市各部门主动公开政府信息2万余条。"
    rows = [f[:3] for f in _facts(text, 2020, agency="某某市人民政府")]
    assert ("items_published", "all", 20000) not in rows


def test_every_kind_of_the_bodys_own_information_is_its_total() -> None:
    text = "2023年依托政府门户网站及新媒体主动公开区政府（含区政府办公室）各类信息6452条。"
    rows = [f[:3] for f in _facts(text, 2023, agency="重庆市大足区人民政府办公室")]
    assert ("items_published", "all", 6452) in rows


def test_the_words_pattern_matches_as_the_words_sorted_longest_first() -> None:
    # The tree of shared openings must find what "a|b|…" sorted longest first finds, at every
    # position and when a match is given back ($ after it), for words that share openings.
    from disclosure_metrics.narrative import _alternation

    chars = "微信群公众号网站政府门户"
    rng = random.Random(7)
    for _ in range(200):
        words = {
            "".join(rng.choices(chars, k=rng.randint(1, 4))) for _ in range(rng.randint(1, 12))
        }
        text = "".join(rng.choices(chars + "，", k=200))
        plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        for suffix in ("", "$", "，"):
            expected = [m.span() for m in re.finditer(f"(?:{plain}){suffix}", text)]
            found = [m.span() for m in re.finditer(f"(?:{_alternation(words)}){suffix}", text)]
            assert found == expected, (words, suffix)


def test_the_noun_after_a_summed_count_over_the_bodys_channels_states_its_total() -> None:
    text = "某市公安局门户网站、政务新媒体及中央、省、市传统主流媒体共公开44087条政府信息。"
    rows = [
        (f.metric, f.channel, f.value)
        for f in extract_facts({"overview": text}, 2021, agency="某市公安局")
    ]
    assert ("items_published", "all", 44087) in rows


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # A gazette's issues put out (出刊), the gazette named before, in its clause or the one
        # before it.
        ("规范政府公报管理，全年省政府公报出刊24期，主动公开政策文件268件。", 2023,
         ("items_published", "gazette", 24), None),
        ("高质量办好市政府公报，全年出刊48期，汇集文件398份。", 2024,
         ("items_published", "gazette", 48), ("items_published", "all", 398)),
        # Ways other than those counted before, named as other forms (其他形式).
        ("2020年度主动公开信息512条，通过市政府门户网站公开117条，政务微信公开379条，"
         "其他形式公开16条。", 2020, ("items_published", "other", 16), None),
        # Outlets listed before 等主流新闻媒体: the media, all of them.
        ("通过学习强国、福建日报、三明日报等主流新闻媒体公开信息62条。", 2025,
         ("items_published", "media", 62), None),
        # A channel's count after a stated total whose own ways list channels with 、.
        ("2020年，通过门户网站、政府信息公开平台等平台主动向社会公开信息228条、微信公众号162条。",
         2020, ("items_published", "wechat_official", 162), None),
        # Information of every kind, the last of a list of kinds sharing the site's verb.
        ("2023年度，在某某管委会官网主动公开政策文件14篇、政策文件解读15篇，各类政府信息2268余条。",
         2023, ("items_published", "website", 2268), ("items_published", "all", 2268)),
        # …after the count: 超235条各类信息, through the site and a platform it does not name.
        ("2024年，开发区依托区政府门户网站信息公开栏目、美篇平台等多样化渠道，累计发布超235条"
         "各类信息。", 2024, ("items_published", "all", 235), ("items_published", "website", 235)),
        # A breakdown opened by the sentence, parted by semicolons: two channels' part.
        ("主动公开本单位政府信息2727条。其中通过区政府门户网站公开工作动态1157条，政策文件33件；"
         "通过微信公众号、微博账号公开政务信息1447条。", 2023,
         ("items_published", "all", 2727), ("items_published", "all", 1447)),
        # None asked for, the information named 政务信息.
        ("（二）依申请公开情况。2023年度我镇无申请公开政务信息情况 。", 2023,
         ("applications_received", "all", 0), None),
        # Those received with some carried over, all closed in the next sentence.
        ("2022年收到政府信息公开申请36件（含2021年结转2件）。所有公开申请按照程序依法依规办理，"
         "已全部办结。", 2022, ("applications_closed", "all", 36),
         ("applications_received", "all", 36)),
        # All closed but those carried forward (除…外): the number closed is not printed.
        ("2024年新收政府信息公开申请731件，除结转2025年度继续办理外，均已依法办结。", 2024,
         ("applications_received", "all", 731), ("applications_closed", "all", 731)),
        # Taken in and closed, after the parts by way of asking: the closed count.
        ("2025年我镇收到政府信息公开申请共1件，其中，当面申请0件，信函申请1件，网络申请0件，"
         "及时受理申请并按时办结1件。", 2025, ("applications_closed", "all", 1), None),
    ],
)  # fmt: skip
def test_readings_of_the_fifth_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # Press conferences counted before their noun, whatever the verb does with them; not
        # those attended.
        ("发布29场新闻发布会信息，围绕经济社会发展重点领域工作。", 2024,
         ("other", "press_conference", 29), None),
        ("局领导参加3场新闻发布会。", 2024, None, ("other", "press_conference", 3)),
        # Requests counted by their number's noun, in 次.
        ("本部门2022年度新收政府信息公开申请数量3次。", 2022,
         ("applications_received", "all", 3), None),
        # Requests in 条 taken in by the disclosure column: 信息公开 names the work.
        ("2024年，我局政府信息公开栏目收到公民信息申请共84条，总计68人。", 2024,
         ("applications_received", "all", 84), None),
        # The ways off the internet together, beside the site's and new media's counts.
        ("全年主动公开政府信息12825条。其中通过政府网站公开2489条，通过政务新媒体公开10052条，"
         "通过线下方式公开信息284条。", 2022, ("items_published", "other", 284), None),
        # None asked of the body, named between 要求 and 公开.
        ("2023年，我局未收到公民、法人或其他组织要求乡政府公开政府信息的情况。", 2023,
         ("applications_received", "all", 0), None),
        # Nothing more to answer (无其他需…回复): no closing of those counted.
        ("2023年我局共受理依申请公开政府信息收件0件，无其他需按规定公开或回复的政务信息。", 2023,
         ("applications_received", "all", 0), ("applications_closed", "all", 0)),
    ],
)  # fmt: skip
def test_readings_of_the_sixth_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_a_task_a_department_set_is_no_department_speaking() -> None:
    text = (
        "在四川省气象局集约化平台公开信息45条，超额完成省局下达的网站公开任务，"
        "在省级以上媒体发稿4篇。"
    )
    rows = [f[:3] for f in _facts(text, 2020, agency="四川省乐山市气象局")]
    assert ("items_published", "media", 4) in rows


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # Requests named after their count by what they asked for.
        ("2025年，中山路街道接到7条提出公开政府信息的申请，已按照规定及时回复。", 2025,
         ("applications_closed", "all", 7), None),
        # A street office's own sub-page on the district portal is its website.
        ("在街道子网页上主动公开政府信息88条。", 2021, ("items_published", "website", 88),
         ("items_published", "all", 88)),
        # None accepted, the information asked for named after 的.
        ("2020年，县教育体育局尚未受理依申请公开的政府信息，未公开过不予公开的政府信息。", 2020,
         ("applications_received", "all", 0), None),
        # A statement of none run on into the next with no stop between.
        ("及时向社会公开2020年我局未收到相关政府信息公开申请没有因信息公开申请行政复议提起行政"
         "诉讼的情况发生。", 2020, ("applications_received", "all", 0), None),
        # 主动 before 更新发布: proactive, the kinds listed with 等信息, the total.
        ("全年共主动更新发布“领导简介”“工作动态”“财政信息”、“规范性文件”等信息324条。", 2020,
         ("items_published", "all", 324), None),
        # Press conferences in 次 with no verb; not those attended, listed after 参加.
        ("全年在网站公布信息202条，其中网站公布194条；新闻发布会2次。", 2020,
         ("other", "press_conference", 2), None),
        ("全年参加省人民政府新闻发布会1次、省级新闻发布会3次。", 2024, None,
         ("other", "press_conference", 3)),
        # Public opinion handled is no applications.
        ("全区依申请公开办件21件，妥善办理政务舆情2件、按时办结率100%。", 2021,
         ("applications_received", "all", 21), ("applications_received", "all", 2)),
        # Requests for information disclosed on request, a space before the count.
        ("2023年全年依申请公开政府信息申请 4件，其中信息不存在2件、不属于本单位公开1件。", 2023,
         ("applications_received", "all", 4), ("items_published", "all", 1)),
        # None carried over (转结) says nothing of those received.
        ("2024年华康街道共收到2件依申请公开，街道按期答复申请2件，无上年转结依申请公开。", 2024,
         ("applications_received", "all", 2), ("applications_received", "all", 0)),
    ],
)  # fmt: skip
def test_readings_of_the_seventh_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)


def test_towns_and_streets_pages_in_a_street_offices_report_are_its_own() -> None:
    text = "全年通过某某区人民政府网站镇街专属网页累计主动公开信息124条。"
    rows = [f[:3] for f in _facts(text, 2025, agency="某某区中山路街道办事处")]
    assert ("items_published", "website", 124) in rows
    # In the district's report the towns' and streets' pages are units under it.
    rows = [f[:3] for f in _facts(text, 2025, agency="某某区人民政府")]
    assert ("items_published", "website", 124) not in rows


@pytest.mark.parametrize(
    ("text", "year", "present", "absent"),
    [
        # A platform's account by its name in quotes, then 公众号: the platform's, no WeChat's.
        ("今日头条“北京丰台”公众号主动公开信息446条，抖音“丰台发布”公众号发布视频1,389条。", 2020,
         ("items_published", "short_video", 1389), ("items_published", "all", 446)),
        ("在政务新媒体“某某企业家服务”公众号上主动公开信息159条。", 2022,
         ("items_published", "wechat_official", 159), None),
        # A gazette printed (刊印), the documents after it no kind of its content.
        ("刊印《某某区人民政府公报》3期，新增行政规范性文件18件，废止24件。", 2023,
         ("items_published", "gazette", 3), None),
        # In a breakdown of the site's count, the gazette's issues are one of its kinds.
        ("2025年，某县人民政府门户网站共发布信息3553条，其中政务动态信息1364条，发布政策解读"
         "信息78条，公开政府公报6期，县长信箱收到信件238件。", 2025,
         ("items_published", "website", 3553), ("items_published", "gazette", 6)),
        # An open month, read as the open days are.
        ("全年开展了2次政府开放月活动，400人次参与。", 2023,
         ("open_day_events", "open_day", 2), None),
    ],
)  # fmt: skip
def test_readings_of_the_eighth_round_of_the_eighth(
    text: str, year: int, present: tuple | None, absent: tuple | None
) -> None:
    _assert_read(text, year, present, absent)
