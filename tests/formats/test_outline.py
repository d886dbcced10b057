"""The document outline: each block's role and context, one test per layout class.

Each test reads a small text layout written for it (in words of our own) through the same
text reader the ingest uses, then checks the roles, the questions and the context every figure
carries into the raw layer.
"""

from __future__ import annotations

from dagster_project.ingest.formats.text import layout_from_lines
from dagster_project.ingest.structure import read_structure


def structure(text: str):
    lines = text.strip("\n").splitlines()
    return read_structure(layout_from_lines(lines, text))


def roles(text: str) -> list[tuple[str, str]]:
    return [(o.role, o.text) for o in structure(text).outline]


def figures(text: str) -> list[tuple[str, str]]:
    return [(f.value_text, f.label_text) for f in structure(text).inline_figures]


def context_of(text: str, value: str):
    st = structure(text)
    figure = next(f for f in st.inline_figures if f.value_text == value)
    return figure.context


def test_site_chrome_first_is_set_aside_and_gives_no_figure():
    text = """
Skip to main content
We use cookies to make this site work. Accept all cookies | Reject optional cookies
Home | News | Report it | Contact us
Sex offender figures - FOI 0101/25
Reference: FOI 0101/25
Response
There are currently 512 registered sex offenders in the force area.
Privacy notice | Cookies | Accessibility statement
© 2025 Example Police
"""
    got = roles(text)
    assert [r for r, _ in got].count("chrome") == 5
    assert ("title", "Sex offender figures - FOI 0101/25") in got
    assert ("metadata", "Reference: FOI 0101/25") in got
    assert [value for value, _ in figures(text)] == ["512"]


def test_request_and_response_headings_with_an_unnumbered_question():
    text = """
THE REQUEST
Could you tell me how many people are subject to a Sexual Risk Order in your area?
OUR RESPONSE
At present 23 people are subject to a Sexual Risk Order.
"""
    st = structure(text)
    assert [(s.question_no, s.question_text) for s in st.sections] == [
        ("1", "Could you tell me how many people are subject to a Sexual Risk Order in your area?")
    ]
    assert context_of(text, "23").question_no == "1"


def test_request_and_response_labels_with_their_words_on_the_same_line():
    text = """
Request: please give the number of people subject to a Sexual Risk Order in each district.
Response: the figures below are as at 1 March 2025.
North district - 14
"""
    st = structure(text)
    assert [(s.question_no, s.question_text) for s in st.sections if s.section_no] == [
        ("1", "please give the number of people subject to a Sexual Risk Order in each district.")
    ]
    assert context_of(text, "14").question_no == "1"


def test_a_reply_that_retells_the_request_answers_it_below():
    text = """
You asked how many applications were made under the disclosure scheme last year.
We received 131 applications in that year.
"""
    st = structure(text)
    assert [(s.question_no, s.question_text) for s in st.sections if s.section_no] == [
        ("1", "how many applications were made under the disclosure scheme last year.")
    ]
    assert context_of(text, "131").question_no == "1"


def test_q_numbered_questions_with_a_numbered_answer_below_each():
    text = """
Q1. How many registered sex offenders are missing at the moment?
A1. There are 4 recorded as missing.
Q2: There are 9 wanted, as the answer to the second question.
"""
    st = structure(text)
    first = next(s for s in st.sections if s.section_no)
    assert (first.question_no, first.question_text) == (
        "1",
        "How many registered sex offenders are missing at the moment?",
    )
    assert context_of(text, "4").question_no == "1"
    # "Q2: There are 9 ..." answers question 2: its number is a figure, not a question's words
    assert context_of(text, "9").question_no == "2"


def test_small_counts_in_words_in_prose_and_list_lines():
    text = """
1. How many offenders are missing, and how many offences of breach were there in 2023?
Fewer than five of those offenders are missing at present.
The number of offences in 2023 was nil.
Offenders in custody - less than three
Answer: none
"""
    assert [value for value, _ in figures(text)] == ["Fewer than five", "nil", "less than three"]


def test_answer_refers_to_a_question_by_number_only():
    text = """
Your questions are not repeated here.
Turning to question 2, the force employed 14 offender managers on 1 May 2025.
In relation to question 3 there were 3 offenders wanted on that date.
"""
    st = structure(text)
    assert [(s.question_no, s.question_printed) for s in st.sections if s.section_no] == [
        ("2", False),
        ("3", False),
    ]
    assert [value for value, _ in figures(text)] == ["14", "3"]
    assert context_of(text, "3").question_no == "3"


def test_lettered_sub_questions_each_answered_below_them():
    text = """
2 a) How many breaches of a Sexual Harm Prevention Order were recorded in 2023?
2023 - 77
2 b) How many breaches of a Sexual Risk Order were recorded in 2023?
2023 - 4
"""
    context = context_of(text, "4")
    assert (context.question_no, context.sub_question_no) == ("2", "2b")
    assert "Sexual Risk Order" in context.sub_question_text


def test_lettered_parts_listed_in_the_request_named_alone_in_the_answer():
    text = """
Request
For each of the last two financial years:
(a) How many Sexual Risk Orders were granted?
(b) How many Sexual Harm Prevention Orders were granted?
Response
(a)
2023/24 - 12
(b)
2023/24 - 301
"""
    assert context_of(text, "12").sub_question_no == "1a"
    assert context_of(text, "301").sub_question_no == "1b"


def test_area_headings_with_repeated_measure_lines_under_a_preamble():
    text = """
Answer
Figures as at 30 June 2025:
Northtown
Registered sex offenders - 120
Registered sex offenders in custody - 17
Southvale
Registered sex offenders - 98
Registered sex offenders in custody - 9
Counts are taken from the case system.
"""
    context = context_of(text, "98")
    assert context.headings == ("Southvale",)
    assert context.preamble == "Figures as at 30 June 2025"
    assert context.path().endswith("Figures as at 30 June 2025 > Southvale")
    assert ("heading", "Northtown") in roles(text)


def test_a_total_and_its_split_in_one_sentence():
    text = (
        "We manage 2,040 registered offenders, of whom 1,801 live in the community "
        "and 239 are in prison."
    )
    st = structure(text)
    split = {f.value_text: (f.split_role, f.label_text) for f in st.inline_figures}
    assert split["2,040"][0] == "whole"
    assert split["1,801"] == ("part", "registered offenders: # live in the community")
    assert split["239"] == ("part", "registered offenders: # are in prison")


def test_a_split_whose_first_part_names_the_whole():
    text = (
        "Our teams manage 7,940 offenders; 6,702 of them live in the community and the "
        "other 1,238 are in prison."
    )
    split = {f.value_text: f.split_role for f in structure(text).inline_figures}
    assert split == {"7,940": "whole", "6,702": "part", "1,238": "part"}


def test_a_total_made_up_of_its_parts():
    text = "There were 19 breaches in total, made up of 12 SHPO breaches and 7 SRO breaches."
    split = {f.value_text: f.split_role for f in structure(text).inline_figures}
    assert split == {"19": "whole", "12": "part", "7": "part"}


def test_a_whole_with_only_part_of_its_split_stays_a_figure():
    text = "There are 96 registered sex offenders, 13 of them in prison."
    st = structure(text)
    assert [f.split_role for f in st.inline_figures] == [None, None]


def test_a_number_is_labelled_by_its_own_clause():
    text = (
        "There are currently 4 registered sex offenders recorded as missing and "
        "3 registered sex offenders recorded as wanted."
    )
    labels = dict(figures(text))
    assert labels["4"] == "There are currently # registered sex offenders recorded as missing"
    assert labels["3"] == "# registered sex offenders recorded as wanted."


def test_question_numbers_dates_and_attachment_sizes_are_not_figures():
    text = """
Answers 2 and 3 cover 1 April to 31 March.
Attachment: response.pdf (212 KB)
"""
    assert figures(text) == []


def test_quoted_questions_of_an_email_reply_are_its_request():
    text = """
We hold 1,204 registered sex offenders on our records today.
-----Original Message-----
From: someone@example.org
> 1. How many registered sex offenders are there?
> 2. How many are in custody?
"""
    st = structure(text)
    assert [(s.question_no, s.question_text) for s in st.sections if s.section_no] == [
        ("1", "How many registered sex offenders are there?"),
        ("2", "How many are in custody?"),
    ]
    assert [value for value, _ in figures(text)] == ["1,204"]


def test_numbered_answers_under_a_request_of_unnumbered_lines():
    text = """
Your request
How many stop searches were carried out in 2023?
How many different people were searched in 2023?
Our response
1. Officers carried out 12,486 stop searches in 2023.
2. Some people are searched more than once: 9,877 different people were searched.
"""
    assert context_of(text, "12,486").question_no == "1"
    assert context_of(text, "9,877").question_no == "2"


def test_list_lines_naming_a_statute_section_stay_a_list_under_their_preamble():
    text = """
1. How many stop searches were there under each power in 2023?
Stop searches in the 2023 calendar year, by legislation:
s.1 PACE - 2,904
s.23 Misuse of Drugs Act 1971 - 5,377
s.60 CJPOA 1994 - None
s.43 Terrorism Act 2000 - <5
"""
    assert [role for role, _ in roles(text)][-4:] == ["list_item"] * 4
    assert context_of(text, "5,377").preamble == (
        "Stop searches in the 2023 calendar year, by legislation"
    )
    assert [value for value, _ in figures(text)] == ["2,904", "5,377", "None", "<5"]
