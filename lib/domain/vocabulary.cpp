#include "domain/vocabulary.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace guazhi {

std::optional<Lang> parse_lang(std::string_view text) {
    auto t = util::ascii_lower(text);
    if (t == "zh" || t == "zh-cn" || t == "zh_cn" || t == "chinese" || t == "中文") return Lang::zh;
    if (t == "en" || t == "en-us" || t == "en_us" || t == "english") return Lang::en;
    return std::nullopt;
}

namespace {
// The lookup key of a spelling. Width is normalised too: imported values pass through
// util::clean(), which turns the "（）" of aliases such as "乡镇（街道）" into "()".
std::string lookup_key(std::string_view text) { return util::ascii_lower(util::normalize_width(text)); }
} // namespace

Vocabulary::Vocabulary(std::string_view what, std::vector<Term> terms, std::vector<std::string_view> ambiguous)
    : what_(what), terms_(std::move(terms)) {
    for (auto a : ambiguous) ambiguous_.push_back(lookup_key(a));
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        const Term& t = terms_[i];
        index_.emplace(lookup_key(t.code), i);
        index_.emplace(lookup_key(t.zh), i);
        index_.emplace(lookup_key(t.en), i);
        for (auto a : t.aliases) index_.emplace(lookup_key(a), i);
    }
}

std::optional<std::string_view> Vocabulary::code_of(std::string_view text) const {
    auto it = index_.find(lookup_key(text));
    if (it == index_.end()) return std::nullopt;
    return terms_[it->second].code;
}

std::string_view Vocabulary::label(std::string_view code, Lang lang) const {
    for (const Term& t : terms_)
        if (t.code == code) return lang == Lang::zh ? t.zh : t.en;
    return code;
}

Message Vocabulary::unknown(std::string_view text) const {
    Message what{std::string(what_)}; // marked N_ where each vocabulary is defined
    if (std::find(ambiguous_.begin(), ambiguous_.end(), lookup_key(text)) != ambiguous_.end()) {
        // Every accepted spelling, grouped by the term it means.
        std::vector<Message> groups;
        for (const Term& t : terms_) {
            std::vector<std::string_view> spellings{t.zh, t.code};
            if (t.en != t.code) spellings.push_back(t.en);
            spellings.insert(spellings.end(), t.aliases.begin(), t.aliases.end());
            groups.emplace_back(fmt::format("{} ({})", fmt::join(spellings, "/"), t.code));
        }
        return msg("ambiguous {} '{}': say which (accepted: {})", what, text, list_of(std::move(groups)));
    }
    std::vector<Message> known;
    for (const Term& t : terms_) {
        if (known.size() == 14) {
            known.emplace_back("…");
            break;
        }
        known.emplace_back(fmt::format("{} ({})", t.zh, t.code));
    }
    return msg("unknown {} '{}' (expected one of: {})", what, text, list_of(std::move(known)));
}

std::vector<std::string> Vocabulary::codes_of_list(std::string_view text, std::vector<std::string>& unknown) const {
    std::vector<std::string> codes;
    auto add = [&](std::string_view code) {
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.emplace_back(code);
    };
    for (const auto& piece : util::split_any(text, {";", ",", "、", "；", "，", "/"})) {
        std::vector<std::string> words = util::split_any(piece, {" ", "\t"});
        std::string missed; // consecutive words that are no spelling, reported as one piece
        for (std::size_t i = 0; i < words.size();) {
            // The longest run of words from i that is one spelling ("selected graduate").
            std::size_t end = words.size();
            std::optional<std::string_view> code;
            for (; end > i; --end) {
                std::string run = words[i];
                for (std::size_t k = i + 1; k < end; ++k) run += " " + words[k];
                if ((code = code_of(run))) break;
            }
            if (code) {
                if (!missed.empty()) unknown.push_back(std::exchange(missed, {}));
                add(*code);
                i = end;
            } else {
                missed += (missed.empty() ? "" : " ") + words[i];
                ++i;
            }
        }
        if (!missed.empty()) unknown.push_back(missed);
    }
    return codes;
}

const Vocabulary& directions() {
    // 挂职 alone says nothing of the direction (交流挂职 lateral may come later).
    static const Vocabulary v(N_("direction"),
                              {
                                  {"up", "上挂", "up", {"上挂锻炼", "上派"}},
                                  {"down", "下派", "down", {"下挂", "下派锻炼"}},
                              },
                              {"挂职", "挂职锻炼"});
    return v;
}

const Vocabulary& political_statuses() {
    static const Vocabulary v(N_("political status"), {
        {"cpc_member", "中共党员", "CPC member", {"中国共产党党员", "党员", "共产党员", "中共正式党员"}},
        {"cpc_probationary", "中共预备党员", "CPC probationary member", {"预备党员"}},
        {"cyl_member", "共青团员", "CYL member", {"团员", "中国共产主义青年团团员"}},
        {"rcckmt", "民革会员", "RCCK member", {"民革党员", "民革", "中国国民党革命委员会会员"}},
        {"cdl", "民盟盟员", "CDL member", {"民盟", "中国民主同盟盟员"}},
        {"cndca", "民建会员", "CNDCA member", {"民建", "中国民主建国会会员"}},
        {"capd", "民进会员", "CAPD member", {"民进", "中国民主促进会会员"}},
        {"cpwdp", "农工党党员", "CPWDP member", {"农工党", "中国农工民主党党员"}},
        {"zhigong", "致公党党员", "China Zhi Gong Party member", {"致公党", "中国致公党党员"}},
        {"jiusan", "九三学社社员", "Jiusan Society member", {"九三学社"}},
        {"tdsl", "台盟盟员", "TDSL member", {"台盟", "台湾民主自治同盟盟员"}},
        {"non_partisan", "无党派人士", "non-partisan", {"无党派民主人士", "无党派"}},
        {"masses", "群众", "ordinary citizen", {}},
    });
    return v;
}

const Vocabulary& unit_kinds() {
    static const Vocabulary v(N_("unit kind"), {
        {"city_organ", "市级机关", "city organ", {"市直", "市直机关", "市级部门", "市级单位", "市直部门"}},
        {"county_dept", "县区部门", "county department", {"县直", "县级部门", "县直部门", "县区单位", "区直"}},
        {"township", "乡镇", "township", {"乡", "镇", "街道", "乡镇（街道）", "乡镇街道"}},
    });
    return v;
}

const Vocabulary& categories() {
    static const Vocabulary v(N_("cadre category"), {
        {"selected_graduate", "选调生", "selected graduate", {}},
        {"county_reserve", "县级后备干部", "county-level reserve cadre", {"后备干部", "县级后备"}},
        {"ethnic_minority", "少数民族", "ethnic minority", {"少数民族干部"}},
        {"female_cadre", "女干部", "female cadre", {}},
    });
    return v;
}

const Vocabulary& genders() {
    static const Vocabulary v(N_("gender"), {
        {"male", "男", "male", {"m", "男性"}},
        {"female", "女", "female", {"f", "女性"}},
    });
    return v;
}

const Vocabulary& educations() {
    static const Vocabulary v(N_("education"), {
        {"doctorate", "博士研究生", "doctorate", {"博士", "研究生（博士）"}},
        {"master", "硕士研究生", "master", {"硕士", "研究生", "研究生（硕士）"}},
        {"bachelor", "大学本科", "bachelor", {"本科", "大学"}},
        {"associate", "大学专科", "associate", {"专科", "大专"}},
        {"secondary_vocational", "中专", "secondary vocational", {"中等专科", "中技", "中等专业学校"}},
        {"high_school", "高中", "high school", {"普通高中"}},
        {"junior_high", "初中及以下", "junior high or below", {"初中", "小学"}},
    });
    return v;
}

const Vocabulary& ethnicities() {
    // GB/T 3304 order; the code is the group's romanised name. "汉" is accepted for "汉族".
    static const Vocabulary v = [] {
        static const std::vector<std::pair<std::string_view, std::string_view>> groups = {
            {"han", "汉族"}, {"mongol", "蒙古族"}, {"hui", "回族"}, {"tibetan", "藏族"}, {"uyghur", "维吾尔族"},
            {"miao", "苗族"}, {"yi", "彝族"}, {"zhuang", "壮族"}, {"buyei", "布依族"}, {"korean", "朝鲜族"},
            {"manchu", "满族"}, {"dong", "侗族"}, {"yao", "瑶族"}, {"bai", "白族"}, {"tujia", "土家族"},
            {"hani", "哈尼族"}, {"kazakh", "哈萨克族"}, {"dai", "傣族"}, {"li", "黎族"}, {"lisu", "傈僳族"},
            {"va", "佤族"}, {"she", "畲族"}, {"gaoshan", "高山族"}, {"lahu", "拉祜族"}, {"shui", "水族"},
            {"dongxiang", "东乡族"}, {"naxi", "纳西族"}, {"jingpo", "景颇族"}, {"kyrgyz", "柯尔克孜族"},
            {"tu", "土族"}, {"daur", "达斡尔族"}, {"mulao", "仫佬族"}, {"qiang", "羌族"}, {"blang", "布朗族"},
            {"salar", "撒拉族"}, {"maonan", "毛南族"}, {"gelao", "仡佬族"}, {"xibe", "锡伯族"},
            {"achang", "阿昌族"}, {"pumi", "普米族"}, {"tajik", "塔吉克族"}, {"nu", "怒族"},
            {"uzbek", "乌孜别克族"}, {"russian", "俄罗斯族"}, {"evenk", "鄂温克族"}, {"deang", "德昂族"},
            {"bonan", "保安族"}, {"yugur", "裕固族"}, {"gin", "京族"}, {"tatar", "塔塔尔族"},
            {"derung", "独龙族"}, {"oroqen", "鄂伦春族"}, {"hezhen", "赫哲族"}, {"monba", "门巴族"},
            {"lhoba", "珞巴族"}, {"jino", "基诺族"},
        };
        std::vector<Term> terms;
        for (auto [code, zh] : groups) {
            std::vector<std::string_view> aliases;
            if (zh.size() > 3) aliases.push_back(zh.substr(0, zh.size() - 3)); // without the trailing 族
            terms.push_back({code, zh, code, aliases});
        }
        return Vocabulary(N_("ethnicity"), std::move(terms));
    }();
    return v;
}

const Vocabulary& statuses() {
    static const Vocabulary v(N_("status"), {
        {"planned", "未开始", "planned", {"待派"}},
        {"active", "在岗", "active", {"挂职中", "进行中"}},
        {"extended", "延长", "extended", {"延期"}},
        {"recalled", "中途抽回", "recalled", {"抽回"}},
        {"completed", "期满", "completed", {"已完成", "结束"}},
    });
    return v;
}

const Vocabulary& note_kinds() {
    static const Vocabulary v(N_("note kind"), {
        {"talk", "谈心谈话", "talk", {"谈话", "谈心"}},
        {"visit", "看望", "visit", {"走访"}},
        {"inspection", "考察", "inspection", {}},
        {"problem", "反映问题", "problem", {"问题"}},
        {"other", "其他", "other", {}},
    });
    return v;
}

const Vocabulary& event_kinds() {
    static const Vocabulary v = [] {
        std::vector<Term> terms = {{"appointment", "任职", "appointment", {}}};
        for (const Term& t : note_kinds().terms()) terms.push_back(t);
        for (Term t : std::vector<Term>{
                 {"extended", "延长", "extension", {}},
                 {"recalled", "中途抽回", "recall", {}},
                 {"completed", "期满", "completion", {}},
                 {"handover", "工作交接", "handover", {}},
                 {"quota_override", "超额安排", "quota override", {}},
                 {"follow_up", "跟踪管理", "follow-up", {}},
             })
            terms.push_back(t);
        return Vocabulary(N_("event kind"), std::move(terms));
    }();
    return v;
}

const Vocabulary& report_kinds() {
    static const Vocabulary v(N_("report kind"), {
        {"quarterly", "季度汇报", "quarterly report", {"季度", "季报"}},
        {"semiannual", "思想和工作汇报", "half-year report", {"半年汇报", "半年", "思想汇报", "书面思想和工作汇报"}},
        {"final", "挂职工作总结", "final summary", {"总结", "工作总结"}},
    });
    return v;
}

const Vocabulary& grades() {
    static const Vocabulary v(N_("grade"), {
        {"excellent", "优秀", "excellent", {"优", "优秀等次"}},
        {"competent", "称职", "competent", {"合格"}},
        {"basically_competent", "基本称职", "basically competent", {"基本合格", "basically-competent"}},
        {"incompetent", "不称职", "incompetent", {"不合格"}},
        {"undetermined", "不定等次", "undetermined", {"不定"}},
        {"not_assessed", "不进行考核", "not assessed", {"不考核", "不参加考核", "not-assessed"}},
    });
    return v;
}

const Vocabulary& recipients() {
    static const Vocabulary v(N_("recipient"), {
        {"home", "派出单位", "home unit", {"派员单位", "原单位"}},
        {"orgdept", "市委组织部", "Organization Department", {"组织部"}},
        {"both", "派出单位和市委组织部", "both", {"两者", "都"}},
    });
    return v;
}

const Vocabulary& recall_reasons() {
    static const Vocabulary v(N_("recall reason"), {
        {"promotion", "提拔使用", "promotion", {"提拔", "提拔任用", "提任"}},
        {"education_campaign", "参加先进性教育活动", "education campaign", {"education-campaign", "先进性教育活动", "先教活动", "先进性教育"}},
        {"special", "特殊工作", "special work", {"特殊工作需要", "特殊"}},
    });
    return v;
}

} // namespace guazhi
