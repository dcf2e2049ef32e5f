// Plans made up for the workspace tests: small, complete, numbered and citing as asked.

/** A small plan numbered `number`, citing the plans in `cites` (number, day/month). */
export function plan(number: number, options: { cites?: Array<[number, string]>; day?: string } = {}): string {
  const citations = (options.cites ?? []).map(([cited, date]) => `Thực hiện Kế hoạch số ${cited}/KH-PGDĐT ngày ${date}/2021 của Phòng Giáo dục và Đào tạo;`);
  return [
    'UBND HUYỆN ĐÔNG HƯNG',
    '',
    '**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO**',
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    '',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `Số: ${number}/KH-PGDĐT`,
    '',
    `Đông Hưng, ngày ${options.day ?? '10'} tháng 6 năm 2021`,
    '',
    'KẾ HOẠCH',
    '',
    `Tổ chức hoạt động số ${number} năm học 2021-2022`,
    '',
    ...citations.flatMap((line) => [line, '']),
    '**Nơi nhận:**',
    '',
    '- Các trường THCS;',
    '- Lưu: VT.',
    '',
  ].join('\n');
}
