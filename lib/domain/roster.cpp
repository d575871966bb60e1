#include "domain/roster.hpp"

#include "domain/limits.hpp"
#include "domain/roster_cells.hpp"
#include "domain/rules.hpp"
#include "domain/vocabulary.hpp"
#include "util/id_number.hpp"
#include "util/redact.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace guazhi {

// The headers clerks write for each column (README, "Columns", lists them all). A header is
// compared after normalize_header(): spaces inside it (姓　名), a '*' mark and a note in
// brackets (出生年月（年.月）) do not count.
const std::array<FieldSpec, kFieldCount>& roster_fields() {
    static const std::array<FieldSpec, kFieldCount> fields = {{
        {Field::id_number, "id_number", "身份证号", true,
         {"身份证号码", "公民身份号码", "身份证", "公民身份证号码", "身份证件号码", "身份号码"}},
        {Field::name, "name", "姓名", true, {}},
        {Field::gender, "gender", "性别", false, {}},
        {Field::ethnicity, "ethnicity", "民族", false, {}},
        {Field::birth_date, "birth_date", "出生年月", false, {"出生日期", "出生年月日", "出生时间"}},
        {Field::political_status, "political_status", "政治面貌", true, {"政治面目", "党派"}},
        {Field::education, "education", "学历", false, {"文化程度", "最高学历"}},
        {Field::categories, "categories", "干部类别", false, {"类别", "人员类别"}},
        {Field::home_unit, "home_unit", "派出单位", true,
         {"派员单位", "原单位", "单位", "工作单位", "原工作单位", "现工作单位", "选派单位", "现单位"}},
        {Field::home_county, "home_county", "所属县区", false, {"县区", "所属县(区)", "县(区)", "所在县区"}},
        {Field::home_level, "home_level", "原单位层级", false, {"单位层级"}},
        {Field::home_post, "home_post", "原职务", false, {"现任职务", "原单位职务", "原任职务", "职务", "现职务"}},
        {Field::direction, "direction", "挂职类型", false, {"挂职方式", "类型"}},
        {Field::host_unit, "host_unit", "接收单位", true, {"挂职单位", "拟挂职单位"}},
        {Field::host_post, "host_post", "挂职职务", false, {"拟挂任职务", "拟挂职务", "挂任职务"}},
        {Field::start_date, "start_date", "开始日期", true,
         {"挂职开始日期", "起始日期", "开始时间", "挂职开始时间", "挂职起始时间", "挂职起始日期"}},
        {Field::end_date, "end_date", "结束日期", false,
         {"挂职结束日期", "截止日期", "结束时间", "挂职结束时间", "挂职截止时间", "挂职截止日期"}},
        {Field::batch_year, "batch_year", "年度", false, {"批次", "年份", "挂职年度"}},
        {Field::education_fulltime, "education_fulltime", "全日制教育", false, {"全日制学历", "全日制教育学历"}},
        {Field::education_inservice, "education_inservice", "在职教育", false, {"在职学历", "在职教育学历"}},
        {Field::native_place, "native_place", "籍贯", false, {}},
        {Field::started_work, "started_work", "参加工作时间", false, {"参加工作日期", "参加工作年月", "工作时间"}},
        {Field::joined_party, "joined_party", "入党时间", false, {"入党日期", "入党年月"}},
        {Field::rank, "rank", "职级", false, {"现职级", "职务级别", "级别"}},
        {Field::phone, "phone", "联系电话", false, {"电话", "手机", "手机号码", "联系方式", "电话号码"}},
        {Field::remark, "remark", "备注", false, {}},
        {Field::programme, "programme", "挂职项目", false, {"项目"}},
    }};
    return fields;
}

const FieldSpec& spec(Field f) { return roster_fields()[static_cast<std::size_t>(f)]; }

std::optional<Field> field_for_header(std::string_view header) {
    std::string h = util::normalize_header(header);
    if (h.empty()) return std::nullopt;
    for (const auto& s : roster_fields())
        if (util::header_names(h, s.key, s.zh, s.aliases)) return s.field;
    return std::nullopt;
}

namespace {

// Collects problems for one row and reads enumerations.
struct Checker {
    const RowValues& values;
    std::vector<FieldProblem> problems;

    const std::string& at(Field f) const { return values[static_cast<std::size_t>(f)]; }
    void add(Field f, Message message) { problems.push_back({f, std::move(message), std::nullopt}); }
    void add(Field f, Problem p) { problems.push_back({f, "", std::move(p)}); }

    std::string code(Field f, const Vocabulary& vocabulary) {
        const auto& text = at(f);
        if (text.empty()) return {};
        if (auto c = vocabulary.code_of(text)) return std::string(*c);
        add(f, vocabulary.unknown(text));
        return {};
    }
};

// 学历 as typed (全日制本科, 在职研究生, 本科) and the two columns of its kinds: the level is an
// education code, the kind goes to its own column; the highest level when 学历 is not given.
void read_education(Checker& c, Cadre& cadre) {
    auto level_code = [&](Field f) -> std::pair<std::string, std::string> {
        if (c.at(f).empty()) return {};
        // An English label of several words ("high school", as the English roster export writes it)
        // is one level: split_education would take its spaces out.
        if (auto whole = educations().code_of(c.at(f))) return {std::string(*whole), ""};
        EducationText e = split_education(c.at(f));
        auto code = educations().code_of(e.level);
        if (!code) {
            c.add(f, educations().unknown(e.level.empty() ? c.at(f) : e.level));
            return {};
        }
        return {std::string(*code), e.kind};
    };
    auto [level, kind] = level_code(Field::education);
    cadre.education_fulltime = level_code(Field::education_fulltime).first;
    cadre.education_inservice = level_code(Field::education_inservice).first;
    if (kind == "fulltime" && cadre.education_fulltime.empty()) cadre.education_fulltime = level;
    if (kind == "inservice" && cadre.education_inservice.empty()) cadre.education_inservice = level;
    cadre.education = level;
    if (cadre.education.empty()) {
        // Vocabulary order runs from the highest level down.
        for (const Term& t : educations().terms())
            if (t.code == cadre.education_fulltime || t.code == cadre.education_inservice) {
                cadre.education = t.code;
                break;
            }
    }
}

// A month or a date of a cadre's life (参加工作时间, 入党时间) as "YYYY-MM" or an ISO date.
std::string month_or_date(Checker& c, Field f) {
    const std::string& text = c.at(f);
    if (text.empty()) return {};
    if (auto d = util::parse_date(text)) return d.value->iso();
    if (auto m = util::parse_year_month(text)) return m.value->iso();
    c.add(f, msg("'{}' is not a month or a date (1996.07, 1996年7月, 1996-07-01)", text));
    return {};
}

// The rest of what a 花名册 says of a cadre, as written but for the dates and the phone.
void read_profile(Checker& c, Cadre& cadre) {
    cadre.native_place = c.at(Field::native_place);
    cadre.rank = c.at(Field::rank);
    cadre.started_work = month_or_date(c, Field::started_work);
    cadre.joined_party = month_or_date(c, Field::joined_party);
    const std::string& phone = c.at(Field::phone);
    // Digits with the separators people write (0832-1234567, 138 0000 0000, +86, two numbers
    // with / or 、); anything else is a mistake in the column.
    std::size_t digits = 0;
    bool ok = true;
    for (std::size_t i = 0; i < phone.size(); ++i) {
        char ch = phone[i];
        if (ch >= '0' && ch <= '9') ++digits;
        else if (phone.substr(i).starts_with("、")) i += 2;
        else if (!(ch == '-' || ch == ' ' || ch == '+' || ch == '(' || ch == ')' || ch == '/' || ch == ',' || ch == ';'))
            ok = false;
    }
    if (!phone.empty() && (!ok || digits < 5)) c.add(Field::phone, msg("is not a telephone number"));
    else cadre.phone = phone;
}

// The cadre's fields of a row, read into `cadre`.
void read_cadre(Checker& c, Cadre& cadre) {
    if (!c.at(Field::id_number).empty()) {
        auto id = util::parse_id_number(c.at(Field::id_number));
        if (id) cadre.id_number = *id.value;
        else if (util::is_masked_id_number(c.at(Field::id_number)))
            c.add(Field::id_number, problem(Parameter::reveal_id, ProblemCode::id_masked, c.at(Field::id_number)));
        else c.add(Field::id_number, id.error);
    }
    cadre.name = clean_person_name(c.at(Field::name));
    cadre.gender = c.code(Field::gender, genders());
    cadre.ethnicity = c.code(Field::ethnicity, ethnicities());
    cadre.political_status = c.code(Field::political_status, political_statuses());
    read_education(c, cadre);
    read_profile(c, cadre);
    if (!c.at(Field::categories).empty()) {
        std::vector<std::string> unknown;
        cadre.categories = categories().codes_of_list(c.at(Field::categories), unknown);
        for (const auto& piece : unknown) c.add(Field::categories, categories().unknown(piece));
        // Vocabulary order, so that the same set always reads (and compares) the same.
        std::vector<std::string> ordered;
        for (const Term& t : categories().terms())
            if (std::find(cadre.categories.begin(), cadre.categories.end(), t.code) != cadre.categories.end())
                ordered.emplace_back(t.code);
        cadre.categories = std::move(ordered);
    }

    // GB 11643: the ID number carries the birth date and, in its 17th digit, the gender; the
    // roster's own columns must agree with it.
    if (!cadre.id_number.empty()) {
        util::Date born = util::id_birth_date(cadre.id_number);
        cadre.birth_date = born.iso();
        if (!c.at(Field::birth_date).empty()) {
            const std::string& text = c.at(Field::birth_date);
            auto month = util::parse_year_month(text);
            if (!month) c.add(Field::birth_date, month.error);
            else if (month.value->year != born.year || month.value->month != born.month) {
                // Excel turns the number 1985.10 into 1985.1: accept that when the ID says October.
                bool mangled_october = born.month == 10 && text == fmt::format("{}.1", born.year);
                if (!mangled_october)
                    // To the month: the full date is the ID number's digits 7..14.
                    c.add(Field::birth_date, msg("'{}' does not agree with the ID number's birth month {}", text,
                                                 util::birth_month(born.iso())));
            }
        }
        std::string id_gender = util::id_is_female(cadre.id_number) ? "female" : "male";
        if (cadre.gender.empty()) cadre.gender = id_gender;
        else if (cadre.gender != id_gender)
            c.add(Field::gender, msg("'{}' does not agree with the ID number ({})", c.at(Field::gender),
                                     genders().label(id_gender, Lang::zh)));
    }

}

// Lengths (domain/limits.hpp): every value fits an Excel cell with room to spare. Control
// characters left after cleaning (a NUL, an escape; line breaks and tabs became spaces) would
// corrupt every table and document they reach: refuse them.
void check_text(Checker& c, Field f) {
    if (auto problem = limits::length_problem(c.at(f), max_length(f))) c.add(f, *problem);
    const std::string& v = c.at(f);
    if (limits::has_control_character(v))
        c.add(f, msg("contains a control character (an invisible character such as NUL)"));
}

} // namespace

bool is_cadre_field(Field f) {
    switch (f) {
    case Field::id_number: case Field::name: case Field::gender: case Field::ethnicity: case Field::birth_date:
    case Field::political_status: case Field::education: case Field::categories: case Field::education_fulltime:
    case Field::education_inservice: case Field::native_place: case Field::started_work: case Field::joined_party:
    case Field::rank: case Field::phone: return true;
    default: return false;
    }
}

CadreResult validate_cadre(const RowValues& values) {
    Checker c{values, {}};
    CadreResult out;
    for (const auto& s : roster_fields())
        if (is_cadre_field(s.field) && s.required && c.at(s.field).empty()) c.add(s.field, msg("is required"));
    read_cadre(c, out.cadre);
    for (const auto& s : roster_fields())
        if (is_cadre_field(s.field)) check_text(c, s.field);
    out.problems = std::move(c.problems);
    return out;
}

std::size_t max_length(Field f) {
    switch (f) {
    case Field::name: return limits::kName;
    case Field::home_unit:
    case Field::host_unit: return limits::kUnit;
    case Field::home_post:
    case Field::host_post: return limits::kPost;
    case Field::remark: return limits::kNote;
    default: return limits::kShort;
    }
}

RowResult validate_row(const RowValues& values, const Policy& policy) {
    Checker c{values, {}};
    Assignment a;
    Cadre& cadre = a.cadre;

    for (const auto& s : roster_fields())
        if (s.required && c.at(s.field).empty()) c.add(s.field, msg("is required"));

    read_cadre(c, cadre);

    a.direction = c.code(Field::direction, directions());
    RowResult result;
    if (c.at(Field::direction).empty() && !c.at(Field::host_unit).empty()) {
        // No 挂职类型: a roster of one kind often has none. 下派 goes to a township, 上挂 to a city
        // organ (DOMAIN.md), so the host says which; the summary counts the rows read so.
        a.direction = infer_host_kind(c.at(Field::host_unit)) == "township" ? "down" : "up";
        result.direction_inferred = true;
    }
    a.remark = c.at(Field::remark);
    a.programme = c.at(Field::programme);
    a.home_unit.name = c.at(Field::home_unit);
    a.home_unit.county = c.at(Field::home_county);
    a.home_post = c.at(Field::home_post);
    a.host_unit.name = c.at(Field::host_unit);
    a.host_post = c.at(Field::host_post);
    a.home_unit.kind = c.at(Field::home_level).empty()
                           ? std::string(infer_unit_kind(a.home_unit.name))
                           : c.code(Field::home_level, unit_kinds());
    if (!a.direction.empty()) a.host_unit.kind = host_kind_for(a.direction);
    if (!a.home_unit.name.empty() && a.home_unit.name == a.host_unit.name)
        c.add(Field::host_unit, msg("is the same unit as the home unit"));

    // A month alone (2007.8, 2007年8月) starts a term on its first day and ends one on its last.
    bool dates_ok = true;
    if (!c.at(Field::start_date).empty()) {
        auto d = util::parse_term_date(c.at(Field::start_date), util::MonthDay::first);
        if (d) a.start = d.value->date, result.start_month_only = d.value->month_only;
        else { c.add(Field::start_date, d.error); dates_ok = false; }
    } else {
        dates_ok = false;
    }
    if (!c.at(Field::end_date).empty()) {
        auto d = util::parse_term_date(c.at(Field::end_date), util::MonthDay::last);
        if (d) a.end = d.value->date, result.end_month_only = d.value->month_only;
        else { c.add(Field::end_date, d.error); dates_ok = false; }
    } else if (dates_ok) {
        a.end = default_end_date(a.start, policy.term_months);
    }
    if (dates_ok && a.end < a.start)
        c.add(Field::end_date, msg("{} is before the start date {}", a.end.iso(), a.start.iso()));

    const std::string& year = c.at(Field::batch_year);
    if (year.empty()) {
        if (dates_ok) a.batch_year = a.start.year;
    } else if (util::is_digits(year) && year.size() == 4 && std::stoi(year) >= 1949 && std::stoi(year) <= 2100) {
        // The same range as the dates; "0999" would export as "999" and not import back
        // (found by fuzz_roster).
        a.batch_year = std::stoi(year);
    } else if (util::is_digits(year) && year.size() == 4) {
        c.add(Field::batch_year, msg("{} is outside 1949..2100", year));
    } else {
        c.add(Field::batch_year, msg("'{}' is not a year", year));
    }

    // Dates a secondment can have: from the founding of the People's Republic to 2100, and
    // not before the cadre came of age (a typo such as 1006 for 2006 is caught here).
    if (dates_ok) {
        for (auto [field, date] : {std::pair{Field::start_date, a.start}, {Field::end_date, a.end}})
            if (date.year < 1949 || date.year > 2100)
                c.add(field, msg("{} is outside 1949..2100", date.iso()));
        if (!cadre.id_number.empty() && a.start < util::id_birth_date(cadre.id_number).plus_months(18 * 12))
            c.add(Field::start_date, msg("{} is before the cadre turned 18 (born {})", a.start.iso(),
                                         util::birth_month(util::id_birth_date(cadre.id_number).iso())));
    }
    for (const auto& s : roster_fields()) check_text(c, s.field);
    result.problems = std::move(c.problems);
    if (result.problems.empty()) result.assignment = std::move(a);
    return result;
}

RowValues to_row(Assignment a) {
    RowValues v;
    auto set = [&](Field f, std::string s) { v[static_cast<std::size_t>(f)] = std::move(s); };
    set(Field::id_number, std::move(a.cadre.id_number));
    set(Field::name, std::move(a.cadre.name));
    set(Field::gender, std::move(a.cadre.gender));
    set(Field::ethnicity, std::move(a.cadre.ethnicity));
    set(Field::birth_date, std::move(a.cadre.birth_date));
    set(Field::political_status, std::move(a.cadre.political_status));
    set(Field::education, std::move(a.cadre.education));
    set(Field::categories, fmt::format("{}", fmt::join(a.cadre.categories, ";")));
    set(Field::home_unit, std::move(a.home_unit.name));
    set(Field::home_county, std::move(a.home_unit.county));
    set(Field::home_level, std::move(a.home_unit.kind));
    set(Field::home_post, std::move(a.home_post));
    set(Field::direction, std::move(a.direction));
    set(Field::host_unit, std::move(a.host_unit.name));
    set(Field::host_post, std::move(a.host_post));
    set(Field::start_date, a.start.iso());
    set(Field::end_date, a.end.iso());
    set(Field::batch_year, std::to_string(a.batch_year));
    set(Field::education_fulltime, std::move(a.cadre.education_fulltime));
    set(Field::education_inservice, std::move(a.cadre.education_inservice));
    set(Field::native_place, std::move(a.cadre.native_place));
    set(Field::started_work, std::move(a.cadre.started_work));
    set(Field::joined_party, std::move(a.cadre.joined_party));
    set(Field::rank, std::move(a.cadre.rank));
    set(Field::phone, std::move(a.cadre.phone));
    set(Field::remark, std::move(a.remark));
    set(Field::programme, std::move(a.programme));
    return v;
}

Message describe(const FieldProblem& p, const Namer& name) {
    return p.problem ? describe(*p.problem, name, SubjectNamed::no) : p.message;
}

} // namespace guazhi
