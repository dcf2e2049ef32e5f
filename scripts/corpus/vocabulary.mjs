// Vocabulary of the benchmark corpus: places, agencies, topics, section titles and their aliases,
// national documents, recipients, signers and the phrases body text is built from. Written from
// the shapes in the domain notes (PLAN-ANATOMY.md) and the seed plans, not copied from them.

/** Provinces with a few districts each: [district kind, district name]. */
export const PROVINCES = [
  { name: 'Quảng Ninh', districts: [['thành phố', 'Cẩm Phả'], ['thành phố', 'Hạ Long'], ['huyện', 'Tiên Yên']] },
  { name: 'Thái Bình', districts: [['thành phố', 'Thái Bình'], ['huyện', 'Đông Hưng'], ['huyện', 'Kiến Xương']] },
  { name: 'Hà Nội', districts: [['quận', 'Hà Đông'], ['huyện', 'Thanh Oai'], ['huyện', 'Gia Lâm'], ['quận', 'Cầu Giấy']] },
  { name: 'Hồ Chí Minh', city: true, districts: [['quận', '8'], ['thành phố', 'Thủ Đức'], ['huyện', 'Củ Chi']] },
  { name: 'Nghệ An', districts: [['thành phố', 'Vinh'], ['huyện', 'Diễn Châu'], ['thị xã', 'Cửa Lò']] },
  { name: 'Thanh Hóa', districts: [['thành phố', 'Sầm Sơn'], ['huyện', 'Hoằng Hóa'], ['huyện', 'Quảng Xương']] },
  { name: 'Hải Dương', districts: [['thành phố', 'Chí Linh'], ['huyện', 'Gia Lộc']] },
  { name: 'Bắc Giang', districts: [['huyện', 'Lục Nam'], ['huyện', 'Yên Thế']] },
  { name: 'Đắk Lắk', districts: [['thành phố', 'Buôn Ma Thuột'], ['huyện', 'Krông Pắc']] },
  { name: 'Lâm Đồng', districts: [['thành phố', 'Đà Lạt'], ['huyện', 'Đức Trọng']] },
  { name: 'Cần Thơ', city: true, districts: [['quận', 'Ninh Kiều'], ['quận', 'Cái Răng']] },
  { name: 'Đồng Nai', districts: [['thành phố', 'Biên Hòa'], ['huyện', 'Trảng Bom']] },
  { name: 'Bình Định', districts: [['thành phố', 'Quy Nhơn'], ['huyện', 'Tuy Phước']] },
  { name: 'Quảng Nam', districts: [['thành phố', 'Hội An'], ['huyện', 'Duy Xuyên']] },
  { name: 'Phú Thọ', districts: [['thành phố', 'Việt Trì'], ['huyện', 'Thanh Thủy']] },
  { name: 'Lào Cai', districts: [['thị xã', 'Sa Pa'], ['huyện', 'Bảo Thắng']] },
  { name: 'Hà Tĩnh', districts: [['thị xã', 'Hồng Lĩnh'], ['huyện', 'Cẩm Xuyên']] },
  { name: 'Nam Định', districts: [['huyện', 'Giao Thủy'], ['huyện', 'Hải Hậu']] },
  { name: 'Kiên Giang', districts: [['thành phố', 'Phú Quốc'], ['thành phố', 'Rạch Giá']] },
  { name: 'Hòa Bình', districts: [['huyện', 'Mai Châu'], ['huyện', 'Lạc Thủy']] },
];

/** Communes and wards that schools and small offices are named after. */
export const COMMUNES = [
  'Kim Thư', 'Mông Dương', 'Quang Hanh', 'Phú Thị', 'Tân Dân', 'Đồng Tâm', 'Hòa Bình', 'Thanh Xuân',
  'Phú Lương', 'Yên Nghĩa', 'Cẩm Thạch', 'Nghĩa Đô', 'Bình Minh', 'Tân Phong', 'Hưng Đạo', 'Quang Trung',
  'Đông Sơn', 'Thạch Bàn', 'Xuân Phương', 'Mỹ Đình', 'Hợp Thanh', 'Liên Châu', 'An Khánh', 'Cự Khê',
];

export const SCHOOL_KINDS = [
  { name: 'TRƯỜNG MẦM NON', display: 'Trường mầm non', short: 'MN', code: 'MN' },
  { name: 'TRƯỜNG TIỂU HỌC', display: 'Trường tiểu học', short: 'TH', code: 'TH' },
  { name: 'TRƯỜNG THCS', display: 'Trường THCS', short: 'THCS', code: 'THCS' },
  { name: 'TRƯỜNG THPT', display: 'Trường THPT', short: 'THPT', code: 'THPT' },
];

export const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương'];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Thanh', 'Minh', 'Ngọc', 'Quang', 'Thu', 'Hoài', 'Xuân', 'Thế', 'Kim', 'Hồng'];
export const GIVEN_NAMES = ['Lan', 'Hùng', 'Dũng', 'Hương', 'Thủy', 'Nga', 'Tranh', 'Dân', 'Hà', 'Tuấn', 'Hải', 'Phương', 'Mai', 'Long', 'Sơn', 'Huệ', 'Bình', 'Thúy', 'Khoa', 'Yến', 'Cường', 'Oanh'];
export const ACADEMIC_TITLES = ['TS.', 'ThS.', 'PGS.TS.', 'NGƯT.'];

/** Plan topics; `{year}` and `{period}` are filled from the plan's own date. */
export const TOPICS = [
  'thực hiện Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030',
  'triển khai công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {year}',
  'tổ chức hoạt động “Tết Trung thu” cho con CNVCLĐ năm {year}',
  'phòng, chống dịch bệnh trong trường học năm học {schoolYear}',
  'thực hiện chuyển đổi số trong ngành giáo dục giai đoạn {period}, định hướng đến năm 2030',
  'tổ chức Tháng hành động vì trẻ em năm {year}',
  'phòng, chống tai nạn thương tích, đuối nước ở trẻ em năm {year}',
  'thực hiện phong trào thi đua “Dạy tốt - Học tốt” năm học {schoolYear}',
  'triển khai công tác cải cách hành chính năm {year}',
  'tuyên truyền, phổ biến, giáo dục pháp luật năm {year}',
  'phòng ngừa, giảm thiểu trẻ em lao động trái quy định pháp luật giai đoạn {period}',
  'xây dựng trường học an toàn, thân thiện, bình đẳng giai đoạn {period}',
  'tổ chức Hội khỏe Phù Đổng các cấp năm học {schoolYear}',
  'bảo đảm trật tự, an toàn giao thông trong trường học năm {year}',
  'phòng, chống bạo lực học đường năm học {schoolYear}',
  'tổ chức các hoạt động kỷ niệm Ngày Quốc tế Phụ nữ 8/3 năm {year}',
  'thực hiện công tác dân vận chính quyền năm {year}',
  'triển khai Ngày Sách và Văn hóa đọc Việt Nam năm {year}',
  'phổ cập giáo dục, xóa mù chữ giai đoạn {period}',
  'thực hiện công tác thi đua, khen thưởng năm {year}',
];

/** The canonical sections with the titles drafters use for them (first = canonical). */
export const SECTIONS = {
  purpose: ['MỤC ĐÍCH, YÊU CẦU', 'MỤC ĐÍCH YÊU CẦU', 'MỤC ĐÍCH VÀ YÊU CẦU'],
  goals: ['MỤC TIÊU', 'MỤC TIÊU, CHỈ TIÊU', 'MỘT SỐ CHỈ TIÊU CHỦ YẾU'],
  tasks: ['NHIỆM VỤ, GIẢI PHÁP', 'NỘI DUNG', 'NỘI DUNG HOẠT ĐỘNG', 'NHIỆM VỤ VÀ GIẢI PHÁP', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', 'NHIỆM VỤ TRỌNG TÂM'],
  funding: ['KINH PHÍ THỰC HIỆN', 'KINH PHÍ'],
  organisation: ['TỔ CHỨC THỰC HIỆN'],
  reporting: ['CHẾ ĐỘ BÁO CÁO', 'TỔNG KẾT, ĐÁNH GIÁ - THÔNG TIN BÁO CÁO', 'CHẾ ĐỘ THÔNG TIN BÁO CÁO'],
};

/** Sub-item titles under the tasks section. */
export const TASK_TITLES = [
  'Công tác truyền thông, giáo dục nâng cao nhận thức',
  'Công tác chăm sóc, bảo vệ và giáo dục trẻ em tại các cơ sở giáo dục',
  'Công tác rà soát, tham mưu ban hành cơ chế, chính sách',
  'Công tác tập huấn, bồi dưỡng nâng cao năng lực cho đội ngũ',
  'Đầu tư cơ sở vật chất, trang thiết bị phục vụ dạy học',
  'Công tác kiểm tra, giám sát, sơ kết, tổng kết',
  'Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền các cấp',
  'Huy động nguồn lực xã hội',
  'Ứng dụng công nghệ thông tin, chuyển đổi số',
  'Phối hợp giữa nhà trường, gia đình và xã hội',
  'Hoạt động thăm hỏi, tặng quà',
  'Tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao',
  'Công tác thi đua, khen thưởng',
  'Công tác phòng, chống dịch bệnh và bảo đảm an toàn trường học',
];

export const ORGANISATION_UNITS = [
  'Phòng Giáo dục và Đào tạo', 'Bộ phận Công tác học sinh', 'Các bộ phận chuyên môn', 'Các đơn vị trực thuộc',
  'Văn phòng', 'Ban Nữ công', 'Công đoàn cơ sở', 'Các tổ chuyên môn', 'Ban Thường vụ', 'Các phòng, ban liên quan',
  'Ủy ban nhân dân các xã, phường', 'Các cơ sở giáo dục mầm non, tiểu học, trung học cơ sở',
];

export const OPENERS = [
  'Tăng cường', 'Đẩy mạnh', 'Tổ chức', 'Triển khai', 'Nâng cao', 'Tiếp tục thực hiện', 'Chỉ đạo', 'Phối hợp thực hiện',
  'Rà soát', 'Xây dựng', 'Kiểm tra, giám sát', 'Tuyên truyền, phổ biến', 'Huy động', 'Bảo đảm', 'Đổi mới', 'Củng cố, kiện toàn',
  'Duy trì', 'Thực hiện có hiệu quả', 'Quan tâm', 'Chú trọng',
];

export const OBJECTS = [
  'công tác truyền thông, giáo dục về quyền trẻ em', 'chất lượng chăm sóc, nuôi dưỡng và giáo dục trẻ em',
  'các hoạt động vui chơi, giải trí lành mạnh cho học sinh', 'công tác phòng, chống bạo lực học đường',
  'hiệu lực, hiệu quả quản lý nhà nước về giáo dục', 'việc ứng dụng công nghệ thông tin trong dạy học và quản lý',
  'cơ sở vật chất, trang thiết bị dạy học theo hướng chuẩn hóa, hiện đại', 'năng lực cho đội ngũ cán bộ quản lý, giáo viên, nhân viên',
  'các mô hình phối hợp giữa nhà trường, gia đình và xã hội', 'công tác phòng, chống dịch bệnh và vệ sinh an toàn thực phẩm',
  'phong trào thi đua yêu nước', 'công tác cải cách hành chính, kỷ luật, kỷ cương hành chính', 'các chính sách hỗ trợ học sinh có hoàn cảnh khó khăn',
  'môi trường giáo dục an toàn, lành mạnh, thân thiện', 'công tác tư vấn tâm lý học đường', 'kỹ năng sống và giá trị sống cho học sinh',
  'việc thực hiện quy chế dân chủ ở cơ sở', 'hoạt động của các câu lạc bộ, đội tuyên truyền măng non', 'công tác bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu',
  'chế độ, chính sách đối với đoàn viên, người lao động', 'công tác xã hội hóa giáo dục', 'các hoạt động trải nghiệm, hướng nghiệp',
];

export const SCOPES = [
  'tại các cơ sở giáo dục trên địa bàn', 'trong toàn ngành', 'đối với các đơn vị trực thuộc', 'trong cán bộ, công chức, viên chức, người lao động',
  'ở các trường mầm non, tiểu học, trung học cơ sở', 'tại đơn vị', 'trong các nhà trường', 'ở cơ sở', 'trên địa bàn các xã, phường',
];

export const PURPOSES = [
  'nhằm nâng cao nhận thức và trách nhiệm của các cấp, các ngành', 'bảo đảm an toàn cho trẻ em', 'góp phần thực hiện thắng lợi các mục tiêu của Kế hoạch',
  'đáp ứng yêu cầu đổi mới căn bản, toàn diện giáo dục và đào tạo', 'phù hợp với điều kiện thực tế của đơn vị', 'tạo sự chuyển biến rõ nét trong nhận thức và hành động',
  'nâng cao chất lượng giáo dục toàn diện', 'tránh hình thức, lãng phí', 'kịp thời phát hiện, xử lý các vi phạm', 'thúc đẩy quyền tham gia của trẻ em',
  'hướng tới mục tiêu phát triển bền vững', 'đảm bảo quyền và lợi ích hợp pháp, chính đáng của người lao động',
];

export const TAILS = [
  'Việc tổ chức các hoạt động cần thiết thực, hiệu quả, có trọng tâm, trọng điểm.',
  'Các đơn vị chủ động lồng ghép nội dung này vào kế hoạch năm học.',
  'Kết quả thực hiện là một trong những tiêu chí đánh giá thi đua cuối năm.',
  'Thủ trưởng các đơn vị chịu trách nhiệm trước cấp trên về kết quả thực hiện.',
  'Định kỳ sơ kết, rút kinh nghiệm để kịp thời điều chỉnh, bổ sung.',
  'Huy động sự tham gia của cha mẹ học sinh và cộng đồng.',
];

/** Abbreviations with their expansions; some plans define them, some use them without definition. */
export const ABBREVIATIONS = [
  ['GDĐT', 'Giáo dục và Đào tạo'], ['CBNGNLĐ', 'cán bộ, nhà giáo, người lao động'], ['CNVCLĐ', 'công nhân, viên chức, lao động'],
  ['CSGD', 'cơ sở giáo dục'], ['BCH', 'Ban Chấp hành'], ['CMHS', 'cha mẹ học sinh'], ['TNTT', 'tai nạn thương tích'],
  ['CTTT', 'Công tác tư tưởng'], ['BĐG', 'bình đẳng giới'], ['ATGT', 'an toàn giao thông'],
];

/** Documents from the centre, cited by plans everywhere: [type word, symbol, date, issuer]. */
export const NATIONAL_DOCUMENTS = [
  ['Nghị định', '56/2017/NĐ-CP', [9, 5, 2017], 'Chính phủ'],
  ['Nghị định', '105/2020/NĐ-CP', [8, 9, 2020], 'Chính phủ'],
  ['Nghị định', '30/2020/NĐ-CP', [5, 3, 2020], 'Chính phủ'],
  ['Quyết định', '782/QĐ-TTg', [27, 5, 2021], 'Thủ tướng Chính phủ'],
  ['Quyết định', '1437/QĐ-TTg', [29, 8, 2022], 'Thủ tướng Chính phủ'],
  ['Quyết định', '588/QĐ-TTg', [17, 5, 2019], 'Thủ tướng Chính phủ'],
  ['Chỉ thị', '20-CT/TW', [5, 11, 2012], 'Bộ Chính trị'],
  ['Chỉ thị', '31/CT-TTg', [4, 12, 2019], 'Thủ tướng Chính phủ'],
  ['Nghị quyết', '29-NQ/TW', [4, 11, 2013], 'Ban Chấp hành Trung ương'],
  ['Thông tư', '13/2021/TT-BLĐTBXH', [30, 9, 2021], 'Bộ Lao động - Thương binh và Xã hội'],
  ['Thông tư', '32/2020/TT-BGDĐT', [15, 9, 2020], 'Bộ Giáo dục và Đào tạo'],
  ['Chỉ thị', '08/CT-BGDĐT', [31, 7, 2023], 'Bộ trưởng Bộ Giáo dục và Đào tạo'],
];

/** Laws, cited with their year and no number. */
export const LAWS = ['Luật Trẻ em năm 2016', 'Luật Bình đẳng giới năm 2006', 'Luật Giáo dục năm 2019', 'Luật Phổ biến, giáo dục pháp luật năm 2012', 'Luật Công đoàn năm 2012'];

export const CLOSINGS = [
  'Trên đây là Kế hoạch {topic}, đề nghị các đơn vị nghiêm túc triển khai thực hiện./.',
  'Trên đây là Kế hoạch {topic}. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo về {issuer} để được hướng dẫn./.',
  '{issuer} đề nghị các đơn vị tổ chức triển khai thực hiện./.',
  'Yêu cầu các đơn vị căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị và tổ chức thực hiện./.',
  'Trên đây là Kế hoạch {topic}, yêu cầu các đơn vị trường học căn cứ triển khai thực hiện.',
];

export const FUNDING_TEXTS = [
  'Nguồn kinh phí thực hiện: ngân sách nhà nước theo phân cấp hiện hành; nguồn huy động đóng góp của tổ chức, cá nhân và nguồn thu hợp pháp khác.',
  'Từ nguồn kinh phí chi thường xuyên năm {year} của các đơn vị.',
  'Kinh phí tổ chức các hoạt động được chi từ nguồn tài chính công đoàn theo quy định.',
  'Các đơn vị bố trí kinh phí trong dự toán được giao và huy động nguồn xã hội hóa theo quy định của pháp luật.',
];

/** Who a target counts, and what it counts them doing: "100% {group} {outcome}". */
export const TARGET_GROUPS = [
  'cơ sở giáo dục', 'cán bộ quản lý, giáo viên, nhân viên', 'trẻ em dưới 5 tuổi', 'học sinh tiểu học', 'trẻ em có hoàn cảnh đặc biệt',
  'cha mẹ, người chăm sóc trẻ em', 'đoàn viên công đoàn', 'trường học', 'gia đình CBNGNLĐ', 'cán bộ chủ chốt công đoàn các cấp',
];
export const TARGET_OUTCOMES = [
  'được truyền thông nâng cao nhận thức về quyền trẻ em', 'có công trình vệ sinh đạt chuẩn', 'được tiếp cận giáo dục hòa nhập',
  'được tập huấn kiến thức, kỹ năng bảo vệ trẻ em', 'hoàn thành chương trình cấp học', 'có hoạt động hỗ trợ tâm lý học sinh',
  'được cung cấp thông tin về phòng ngừa xâm hại trẻ em', 'tham gia các hoạt động vui chơi, giải trí an toàn', 'được khám sức khỏe định kỳ',
];

/** Receivers that are not one of the issuer's parent offices. */
export const OTHER_RECIPIENTS = [
  'Các đơn vị trực thuộc', 'Các trường MN, TH, THCS', 'Lãnh đạo phòng', 'Các tổ chuyên môn', 'Các CĐCS trực thuộc', 'CB, GV, NV',
  'Website đơn vị', 'Các phòng, ban chuyên môn', 'Đảng ủy, Ban Giám hiệu', 'Thường trực HĐND', 'Các đồng chí Ủy viên BCH',
];
export const RECIPIENT_NOTES = ['(b/c)', '(để b/c)', '(p/h)', '(để thực hiện)', '(t/h)', '(để biết)'];
