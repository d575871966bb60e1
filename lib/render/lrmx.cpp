#include "render/lrmx.hpp"

#include "domain/vocabulary.hpp"
#include "util/id_number.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace guazhi {

namespace {

std::string year_month(const util::Date& d) { return fmt::format("{:04}.{:02}", d.year, d.month); }

} // namespace

std::string lrmx_document(const Cadre& cadre, const std::vector<Assignment>& assignments,
                          const std::vector<AnnualAssessment>& annual, bool reveal_id, const std::string& current_post) {
    std::vector<std::string> career;
    for (const auto& a : assignments)
        career.push_back(fmt::format("{}--{} 挂职任{}{}", year_month(a.start), year_month(a.effective_end()),
                                     a.host_unit.name, a.host_post));
    std::vector<std::string> grades_text;
    std::vector<const AnnualAssessment*> graded;
    for (const auto& x : annual)
        if (x.grade && !x.superseded_by) graded.push_back(&x);
    std::size_t from = graded.size() > 3 ? graded.size() - 3 : 0;
    for (std::size_t i = from; i < graded.size(); ++i)
        grades_text.push_back(fmt::format("{}年度考核{}", graded[i]->year, grades().label(*graded[i]->grade, Lang::zh)));
    std::string born = cadre.birth_date.size() >= 7 ? cadre.birth_date.substr(0, 4) + cadre.birth_date.substr(5, 2) : "";
    // Element order as in the form; empty ones are what guazhi does not record.
    std::vector<std::pair<std::string_view, std::string>> fields = {
        {"XingMing", cadre.name},
        {"XingBie", std::string(genders().label(cadre.gender, Lang::zh))},
        {"ChuShengNianYue", born},
        {"MinZu", cadre.ethnicity.empty() ? "" : std::string(ethnicities().label(cadre.ethnicity, Lang::zh))},
        {"JiGuan", ""},
        {"ChuShengDi", ""},
        {"RuDangShiJian", ""},
        {"ZhengZhiMianMao", std::string(political_statuses().label(cadre.political_status, Lang::zh))},
        {"CanJiaGongZuoShiJian", ""},
        {"JianKangZhuangKuang", ""},
        {"ZhuanYeJiShuZhiWu", ""},
        {"ShuXiZhuanYeYouHeZhuanChang", ""},
        {"QuanRiZhiJiaoYu_XueLi", cadre.education.empty() ? "" : std::string(educations().label(cadre.education, Lang::zh))},
        {"QuanRiZhiJiaoYu_XueWei", ""},
        {"QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", ""},
        {"ZaiZhiJiaoYu_XueLi", ""},
        {"ZaiZhiJiaoYu_XueWei", ""},
        {"ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi", ""},
        {"XianRenZhiWu", current_post},
        {"NiRenZhiWu", ""},
        {"NiMianZhiWu", ""},
        {"JianLi", fmt::format("{}", fmt::join(career, "\n"))},
        {"JiangChengQingKuang", ""},
        {"NianDuKaoHeJieGuo", fmt::format("{}", fmt::join(grades_text, "；"))},
        {"RenMianLiYou", ""},
        {"ChengBaoDanWei", ""},
        {"JiSuanNianLingShiJian", ""},
        {"TianBiaoShiJian", ""},
        {"TianBiaoRen", ""},
        {"ShenFenZheng", reveal_id ? cadre.id_number : util::mask_id_number(cadre.id_number)},
        {"ZhaoPian", ""},
        {"Version", "guazhi " GUAZHI_VERSION},
    };
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Person>\n";
    for (const auto& [name, value] : fields)
        out += value.empty() ? fmt::format("  <{}/>\n", name) : fmt::format("  <{0}>{1}</{0}>\n", name, util::xml_escape(value));
    return out + "</Person>\n";
}

} // namespace guazhi
