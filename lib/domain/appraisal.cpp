#include "domain/appraisal.hpp"

#include "domain/limits.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace guazhi {

std::int64_t Votes::total() const {
    std::int64_t sum = 0;
    for (auto n : counts) sum += n;
    return sum;
}

std::optional<double> Votes::excellent_share() const {
    auto n = total();
    if (n == 0) return std::nullopt;
    return static_cast<double>(excellent()) / static_cast<double>(n);
}

VoteCount parse_vote_count(std::string_view text) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return {std::nullopt, msg("'{}' is not a whole number of votes", text)};
    if (n < 0) return {std::nullopt, msg("{} votes is negative", n)};
    if (n > 1'000'000) return {std::nullopt, msg("{} votes is implausibly many", n)};
    return {n, {}};
}

VotesParse parse_votes(std::string_view text) {
    std::string normal = util::clean(text);
    auto parts = util::split_any(normal, {",", ";", "，", "；", " "});
    Votes votes;
    std::array<bool, 4> seen{};
    bool any = false;
    for (const auto& raw : parts) {
        std::string part(util::trim(raw));
        if (part.empty()) continue;
        auto eq = part.find_first_of("=:");
        if (eq == std::string::npos)
            return {std::nullopt, msg("'{}' is not GRADE=COUNT (e.g. 优秀=18)", part)};
        std::string name(util::trim(std::string_view(part).substr(0, eq)));
        std::string count(util::trim(std::string_view(part).substr(eq + 1)));
        auto code = grades().code_of(name);
        auto at = code ? std::find(kVotedGrades.begin(), kVotedGrades.end(), *code) : kVotedGrades.end();
        if (at == kVotedGrades.end())
            return {std::nullopt,
                    msg("'{}' is not a grade one votes on (优秀, 称职, 基本称职, 不称职)", name)};
        auto index = static_cast<std::size_t>(at - kVotedGrades.begin());
        if (seen[index]) return {std::nullopt, msg("'{}' is given twice", name)};
        seen[index] = true;
        auto n = parse_vote_count(count);
        if (!n.count) return {std::nullopt, msg(N_("{}: {}"), name, Message(n.error))};
        votes.counts[index] = *n.count;
        any = true;
    }
    if (!any) return {std::nullopt, msg("no votes given (e.g. 优秀=18,称职=6)")};
    if (votes.total() == 0) return {std::nullopt, msg("every count is 0: no votes were cast")};
    return {votes, {}};
}

std::string format_votes(const Votes& votes, Lang lang) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < kVotedGrades.size(); ++i)
        parts.push_back(fmt::format("{} {}", grades().label(kVotedGrades[i], lang), votes.counts[i]));
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<Message> appraisal_problems(const FinalAppraisal& appraisal, const std::vector<std::string>& scale) {
    std::vector<Message> problems;
    std::vector<Message> ratings(scale.begin(), scale.end());
    for (std::size_t i = 0; i < kDimensions.size(); ++i) {
        const auto& rating = appraisal.dimensions[i].rating;
        if (rating.empty())
            problems.push_back(msg("{}.rating: missing (one of: {})", kDimensions[i].code, list_of(ratings)));
        else if (std::find(scale.begin(), scale.end(), rating) == scale.end())
            problems.push_back(msg("{}.rating: '{}' is not on the scale (one of: {})", kDimensions[i].code, rating, list_of(ratings)));
    }
    if (appraisal.conclusion.empty()) problems.push_back(msg("conclusion: missing (the overall conclusion, 鉴定意见)"));
    auto bounded = [&](std::string_view what, std::string_view text, std::size_t limit) {
        if (auto problem = limits::length_problem(text, limit)) problems.push_back(msg(N_("{}: {}"), what, Message(*problem)));
    };
    for (std::size_t i = 0; i < kDimensions.size(); ++i)
        bounded(fmt::format("{}.comment", kDimensions[i].code), appraisal.dimensions[i].comment, limits::kComment);
    bounded("conclusion", appraisal.conclusion, limits::kComment);
    bounded("author_unit", appraisal.author_unit, limits::kUnit);
    bounded("early_reason", appraisal.early_reason, limits::kNote);
    return problems;
}

} // namespace guazhi
