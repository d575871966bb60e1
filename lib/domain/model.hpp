// The records of the domain, with enumerations held as their codes (see vocabulary.hpp).
#pragma once

#include "util/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guazhi {

// A cadre (干部), identified by the resident ID number.
struct Cadre {
    std::string id_number;
    std::string name;
    std::string gender;           // male | female
    std::string ethnicity;        // GB/T 3304 code; empty when unknown
    std::string birth_date;       // ISO date from the ID number
    std::string political_status; // GB/T 4762 code
    std::string education;        // the highest level, an education code; empty when unknown
    std::vector<std::string> categories; // category codes in vocabulary order
    // What a 花名册 carries besides (migration 9); empty when not recorded.
    std::string education_fulltime;  // 全日制教育: an education code
    std::string education_inservice; // 在职教育: an education code
    std::string native_place;        // 籍贯, as written (四川资中)
    std::string started_work;        // 参加工作时间: "YYYY-MM" or an ISO date
    std::string joined_party;        // 入党时间: "YYYY-MM" or an ISO date
    std::string rank;                // 职级, as written (正科级, 四级主任科员)
    std::string phone;               // 联系电话: personal data, masked like the ID number

    bool operator==(const Cadre&) const = default;
};

// A unit (单位): a city organ, a county department or a township.
struct Unit {
    std::string name;
    std::string kind;   // city_organ | county_dept | township
    std::string county; // the county/district it belongs to; empty for city organs

    bool operator==(const Unit&) const = default;
};

// One secondment (挂职) of a cadre from a home unit to a host unit.
struct Assignment {
    std::int64_t id = 0; // 0 until stored
    Cadre cadre;
    std::string direction; // up | down
    int batch_year = 0;
    Unit home_unit;
    std::string home_post;
    Unit host_unit;
    std::string host_post;
    util::Date start;
    util::Date end; // the last day of the term as planned, inclusive
    // Changes of the term (see rules.hpp): the new last day after an extension (延长), the
    // last day of an early recall (中途抽回) and why.
    std::optional<util::Date> extended_until;
    std::optional<util::Date> recalled_on;
    std::string recall_reason;
    std::string remark;    // 备注 of the roster row
    std::string programme; // 挂职项目: an optional programme tag (e.g. 东西部协作)

    // The last day actually served or to be served: recall, else extension, else planned.
    util::Date effective_end() const { return recalled_on ? *recalled_on : extended_until ? *extended_until : end; }
};

// The appointment at the host (任职): post, document, filing, election, mentor, division of
// work, Party relationship. Empty/absent fields are not yet recorded.
struct Appointment {
    std::string post_level;                      // e.g. 副科级领导职务, 副乡镇长
    std::string doc_number;                      // 任职文件 number
    std::optional<util::Date> doc_date;
    std::optional<util::Date> filed_on;          // 报市委组织部备案
    std::optional<util::Date> united_front_on;   // 抄送市委统战部 (non-Party cadres)
    std::optional<util::Date> election_date;     // 人代会选举 (down-dispatched cadres)
    std::string election_result;                 // elected | not_elected
    std::string mentor;                          // 传帮带
    std::string division_of_work;                // 分工
    std::optional<util::Date> party_transfer_on; // 转临时组织关系 (Party members)
};

// A change to an appointment: each field that is set replaces the recorded one.
struct AppointmentChange {
    std::optional<std::string> post_level, doc_number, election_result, mentor, division_of_work;
    std::optional<util::Date> doc_date, filed_on, united_front_on, election_date, party_transfer_on;
};

// One entry of an assignment's (or, for follow-up, a cadre's) history.
struct Event {
    std::int64_t id = 0;
    std::int64_t assignment_id = 0; // 0 for a cadre's follow-up after the secondment
    std::string kind;               // see events() in vocabulary.hpp
    util::Date date;
    std::string recorded_by;
    std::string recorded_at;        // UTC, ISO 8601
    std::string reason;
    std::string details;            // a JSON object
};

} // namespace guazhi
