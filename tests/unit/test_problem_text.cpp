// Typed problems (issue "lib/app"): every code has its sentence with its arguments in it,
// every parameter a domain name and a flag, and the subject is named where the reader looks.
#include "flags.hpp"
#include "problem_text.hpp"
#include "util/catalog.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace guazhi;

namespace {

constexpr int kLastCode = static_cast<int>(ProblemCode::count_) - 1;
constexpr int kLastParameter = static_cast<int>(Parameter::count_) - 1;

} // namespace

TEST_CASE("problem_text: every code has its own sentence, with its arguments") {
    std::set<std::string> sentences;
    for (int c = 0; c <= kLastCode; ++c) {
        CAPTURE(c);
        Problem p{Parameter::none, static_cast<ProblemCode>(c), {"ARG0", "ARG1", "ARG2", "ARG3", "ARG4"}, std::nullopt};
        std::string text = english(describe(p, cli::flag_of));
        CHECK_FALSE(text.empty());
        CHECK(text.rfind("problem ", 0) == std::string::npos); // not the fallback
        CHECK(sentences.insert(text).second);                  // no two codes say the same
    }
}

TEST_CASE("problem_text: every code has its Chinese sentence, with its arguments in it (issue 20)") {
    for (int c = 0; c <= kLastCode; ++c) {
        auto code = static_cast<ProblemCode>(c);
        if (code == ProblemCode::period_unresolved) continue; // schedule.cpp's sentence, as given
        CAPTURE(c);
        Problem p{Parameter::none, code, {"ARG0", "ARG1", "ARG2", "ARG3", "ARG4"}, std::nullopt};
        Message m = describe(p, cli::flag_of);
        CHECK(util::translated(Lang::zh, m.id));
        std::string zh = util::words(m, Lang::zh);
        CHECK(zh != english(m)); // translated, and the translation formats with the arguments
        for (std::string arg : {"ARG0", "ARG1", "ARG2", "ARG3", "ARG4"}) // every argument the English shows
            CHECK((english(m).find(arg) == std::string::npos) == (zh.find(arg) == std::string::npos));
    }
    // The place stays first, with its ASCII ": ", and a sentence given as a Message is worded too.
    Problem until = problem(Parameter::until, ProblemCode::extension_not_later, "2007-07-01", "2007-07-31");
    until.assignment = 20;
    CHECK(cli::words(until, Lang::zh) == "挂职 #20: --until 2007-07-01 不晚于当前的期满日期 2007-07-31");
    // A translation that puts the arguments in another order numbers them.
    Problem beyond = problem(Parameter::until, ProblemCode::extension_beyond_max, "2008-12-31", "2008-07-31", 24, "2006-08-01");
    CHECK(cli::words(beyond, Lang::zh) ==
          "--until 2008-12-31 超出自 2006-08-01 起最长 24 个月的挂职期（max_term_months）：最后一天最晚为 2008-07-31");
    Problem period = problem(Parameter::period, ProblemCode::period_unresolved, msg("is required"));
    CHECK(period.args == std::vector<std::string>{"is required"});
    CHECK(cli::words(period, Lang::zh) == "--period: 必须填写");
    CHECK(cli::words(period, Lang::en) == "--period: is required");
    Problem held = problem(Parameter::cascade, ProblemCode::assignment_has_records, 2, 0, 0, 1, 1);
    CHECK(cli::words(held) == "2 reports, 1 event, its appointment record depend on it; nothing was deleted (with "
                              "--cascade they are deleted too)");
    CHECK(cli::words(problem(Parameter::cascade, ProblemCode::assignment_has_records, 0, 0, 0, 1, 0)) ==
          "1 event depends on it; nothing was deleted (with --cascade they are deleted too)");
    CHECK(cli::words(held, Lang::zh).find("、1 条事件、任职记录）；未删除任何内容（用 --cascade 可一并删除）") !=
          std::string::npos);
}

TEST_CASE("problem_text: every parameter has a domain name and a flag") {
    std::set<std::string_view> names;
    for (int i = 1; i <= kLastParameter; ++i) {
        auto p = static_cast<Parameter>(i);
        CAPTURE(i);
        CHECK_FALSE(domain_name(p).empty());
        CHECK(names.insert(domain_name(p)).second);
        std::string flag = cli::flag_of(p);
        CHECK((flag.rfind("--", 0) == 0 || p == Parameter::assignment || p == Parameter::event)); // positionals
    }
    CHECK(cli::flag_of(Parameter::submitted_on) == "--submitted");
    CHECK(cli::flag_of(Parameter::home_consent) == "--home-consent");
    CHECK(cli::flag_of(Parameter::assessing_unit) == "--unit");
    CHECK(cli::flag_of(Parameter::recorded_by) == "--by");
}

TEST_CASE("problem_text: the subject is named by the caller's names, or left out") {
    Problem year = problem(Parameter::year, ProblemCode::year_out_of_range, 2300);
    CHECK(cli::words(year) == "--year: 2300 is outside 1949..2100");
    CHECK(describe(year, by_domain_name) == "year: 2300 is outside 1949..2100");
    CHECK(describe(year, cli::flag_of, SubjectNamed::no) == "2300 is outside 1949..2100");
    CHECK(describe(year, [](Parameter) { return std::string("考核年度"); }) == "考核年度: 2300 is outside 1949..2100");

    Problem until = problem(Parameter::until, ProblemCode::extension_not_later, "2007-07-01", "2007-07-31");
    until.assignment = 20;
    CHECK(cli::words(until) == "assignment #20: --until 2007-07-01 is not after the current end of the term 2007-07-31");

    // A parameter the sentence refers to, not its subject, is named too.
    Problem consent = problem(Parameter::home_consent, ProblemCode::extension_without_consent);
    CHECK(cli::words(consent) == "an extension needs the home unit's consent (派出单位同意): give --home-consent");
    CHECK(english(describe(consent, by_domain_name)).ends_with("give home_consent"));
}

TEST_CASE("problem_text: ProblemError keeps the problem, what() uses the domain names") {
    try {
        throw ProblemError(problem(Parameter::attach, ProblemCode::attach_not_file, "a.pdf"));
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "attach a.pdf: not a readable file");
        CHECK(cli::words(e) == "--attach a.pdf: not a readable file");
        const auto* typed = dynamic_cast<const ProblemError*>(&e);
        REQUIRE(typed);
        CHECK(typed->problem().code == ProblemCode::attach_not_file);
        CHECK(typed->problem().args == std::vector<std::string>{"a.pdf"});
    }
    ProblemsError many({problem(Parameter::none, ProblemCode::column_unknown, "t.csv:1:4", "爱好"),
                        problem(Parameter::none, ProblemCode::header_more_problems, "t.csv:1", 3)});
    CHECK(cli::words(many) == "t.csv:1:4: unknown column '爱好' (use --ignore-unknown-columns to skip it, or --map "
                              "'爱好=FIELD' to read it)\nt.csv:1: … and 3 more problems in the header");
}

TEST_CASE("problem_text: what depends on an assignment is counted, in English number") {
    auto text = [](std::vector<std::string> counts) {
        Problem p{Parameter::cascade, ProblemCode::assignment_has_records, std::move(counts), 14};
        return describe(p, cli::flag_of);
    };
    CHECK(text({"1", "0", "0", "0", "0"}) ==
          "assignment #14: 1 report depends on it; nothing was deleted (with --cascade they are deleted too)");
    CHECK(text({"0", "0", "0", "0", "1"}) ==
          "assignment #14: its appointment record depends on it; nothing was deleted (with --cascade they are deleted too)");
    CHECK(text({"2", "1", "0", "3", "1"}) ==
          "assignment #14: 2 reports, 1 annual assessment, 3 events, its appointment record depend on it; nothing was "
          "deleted (with --cascade they are deleted too)");
    CHECK(text({"0", "0", "1", "1", "0"}) ==
          "assignment #14: 1 final appraisal, 1 event depend on it; nothing was deleted (with --cascade they are deleted too)");
}
