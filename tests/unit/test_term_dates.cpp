// Dates that cannot be (issue 19): each rule of domain/term_dates.hpp both ways, at its edge.
#include "domain/term_dates.hpp"
#include "problem_text.hpp"

#include <doctest/doctest.h>

using namespace guazhi;
using guazhi::util::Date;

namespace {

Assignment term(Date start, Date end) {
    Assignment a;
    a.id = 7;
    a.start = start;
    a.end = end;
    return a;
}

std::string words(const std::optional<Problem>& p) { return p ? english(describe(*p, by_domain_name)) : std::string(); }

} // namespace

TEST_CASE("term dates: filing and the United Front copy not before the document") {
    Date doc{2006, 8, 5};
    CHECK_FALSE(refuse_filing_date(doc, doc, Parameter::filed));
    CHECK_FALSE(refuse_filing_date(doc, {2006, 8, 20}, Parameter::filed));
    auto p = refuse_filing_date(doc, {2006, 7, 1}, Parameter::filed);
    REQUIRE(p);
    CHECK(p->code == ProblemCode::filed_before_document);
    CHECK(p->subject == Parameter::filed);
    CHECK(words(p) == "filed 2006-07-01 is before doc_date 2006-08-05: a document is filed after it is issued");
    CHECK(refuse_filing_date(doc, {2006, 8, 4}, Parameter::doc_date)->subject == Parameter::doc_date);

    CHECK_FALSE(refuse_united_front_date(doc, doc, Parameter::united_front));
    auto u = refuse_united_front_date(doc, {2006, 8, 4}, Parameter::united_front);
    REQUIRE(u);
    CHECK(u->code == ProblemCode::united_front_before_document);
    CHECK(words(u).starts_with("united_front 2006-08-04 is before doc_date 2006-08-05"));
}

TEST_CASE("term dates: an election within the term as served") {
    Assignment a = term({2006, 8, 1}, {2007, 7, 31});
    CHECK_FALSE(refuse_election_date(a, {2006, 8, 1}));
    CHECK_FALSE(refuse_election_date(a, {2007, 7, 31}));
    auto before = refuse_election_date(a, {2006, 7, 31});
    REQUIRE(before);
    CHECK(before->code == ProblemCode::election_outside_term);
    CHECK(words(before).starts_with("election_date 2006-07-31 is outside the term 2006-08-01..2007-07-31"));
    CHECK(refuse_election_date(a, {2007, 8, 1}));
    // The effective end counts: an extension lengthens the term, a recall shortens it.
    a.extended_until = Date{2007, 10, 31};
    CHECK_FALSE(refuse_election_date(a, {2007, 9, 1}));
    a.recalled_on = Date{2007, 3, 31};
    CHECK(words(refuse_election_date(a, {2007, 4, 1})).find("2006-08-01..2007-03-31") != std::string::npos);
}

TEST_CASE("term dates: a note within note_margin_days of the term") {
    Policy policy; // note_margin_days = 30
    CHECK(policy.note_margin_days == 30);
    Assignment a = term({2006, 8, 1}, {2007, 7, 31});
    CHECK_FALSE(refuse_note_date(a, {2006, 7, 2}, policy)); // 30 days before
    CHECK_FALSE(refuse_note_date(a, {2007, 8, 30}, policy)); // 30 days after
    auto early = refuse_note_date(a, {2006, 7, 1}, policy);
    REQUIRE(early);
    CHECK(early->code == ProblemCode::note_outside_term);
    CHECK(words(early) == "date 2006-07-01 is more than 30 days outside the term 2006-08-01..2007-07-31 (note_margin_days)");
    CHECK(refuse_note_date(a, {2007, 8, 31}, policy));
    a.recalled_on = Date{2007, 1, 31};
    CHECK(refuse_note_date(a, {2007, 3, 3}, policy));
    CHECK_FALSE(refuse_note_date(a, {2007, 3, 2}, policy));
    policy.note_margin_days = 0;
    CHECK(refuse_note_date(a, {2006, 7, 31}, policy));
    CHECK_FALSE(refuse_note_date(a, {2006, 8, 1}, policy));
}

TEST_CASE("term dates: a note says something") {
    CHECK_FALSE(refuse_note_text("县委组织部考察，表现优秀"));
    for (const char* empty : {"", " ", "\t  "}) {
        auto p = refuse_note_text(empty);
        REQUIRE(p);
        CHECK(p->code == ProblemCode::note_empty);
        CHECK(words(p) == "text: is empty: a note says what was said or found");
    }
}

TEST_CASE("term dates: a report not submitted after today") {
    Date today{2007, 3, 1};
    CHECK_FALSE(refuse_submission_date(today, today));
    CHECK_FALSE(refuse_submission_date({2006, 11, 5}, today));
    auto p = refuse_submission_date({2007, 3, 2}, today);
    REQUIRE(p);
    CHECK(p->code == ProblemCode::submitted_in_future);
    CHECK(words(p) == "submitted_on 2007-03-02 is after today (2007-03-01)");
}

TEST_CASE("term dates: an annual assessment decided at the end of its year or later") {
    CHECK_FALSE(refuse_decision_date(2006, {2006, 12, 1}));
    CHECK_FALSE(refuse_decision_date(2006, {2006, 12, 31}));
    CHECK_FALSE(refuse_decision_date(2006, {2007, 1, 10}));
    auto p = refuse_decision_date(2006, {2006, 11, 30});
    REQUIRE(p);
    CHECK(p->code == ProblemCode::decided_before_year_end);
    CHECK(words(p) == "date 2006-11-30 is before the end of 2006, the year the assessment judges: it is decided at "
                      "the year's end (年末, from 2006-12-01) or later");
    CHECK(refuse_decision_date(2007, {2006, 6, 30}));
}

TEST_CASE("term dates: an extension within max_term_months") {
    Policy policy; // max_term_months = 24
    CHECK(policy.max_term_months == 24);
    Assignment a = term({2006, 8, 1}, {2007, 7, 31});
    CHECK_FALSE(refuse_term_length(a, {2008, 7, 31}, policy));
    auto p = refuse_term_length(a, {2008, 8, 1}, policy);
    REQUIRE(p);
    CHECK(p->code == ProblemCode::extension_beyond_max);
    CHECK(p->subject == Parameter::until);
    CHECK(words(p) == "until 2008-08-01 is beyond the longest term of 24 months from 2006-08-01 (max_term_months): the "
                      "last day may be 2008-07-31 at the latest");
    policy.max_term_months = 18;
    CHECK(refuse_term_length(a, {2008, 2, 1}, policy));
    CHECK_FALSE(refuse_term_length(a, {2008, 1, 31}, policy));
}
