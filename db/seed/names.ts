import type { Random } from './random';

/**
 * Vietnamese names, streets and phone numbers for the fictional demo district. Every string is in
 * Unicode NFC (precomposed), as Vietnamese text typed on a phone or a PC usually is.
 */

/** Family names with rough weights for central Vietnam (Nguyễn dominates; Huỳnh and Võ are common in Đà Nẵng). */
const FAMILY_NAMES: Readonly<Record<string, number>> = {
  'Nguyễn': 34,
  'Trần': 10,
  'Lê': 9,
  'Phạm': 6,
  'Huỳnh': 6,
  'Võ': 6,
  'Phan': 4,
  'Hoàng': 3,
  'Đặng': 3,
  'Bùi': 2,
  'Đỗ': 2,
  'Hồ': 3,
  'Ngô': 2,
  'Dương': 2,
  'Trương': 2,
  'Đoàn': 2,
  'Lương': 1,
  'Mai': 1,
  'Tôn': 1,
  'Châu': 1,
};

const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Công', 'Thanh', 'Ngọc', 'Xuân', 'Đình', 'Anh', 'Bá'] as const;
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh', 'Mỹ', 'Bích', 'Hồng', 'Phương', 'Diệu'] as const;
const MALE_GIVEN = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khánh',
  'Khoa', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài',
  'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
] as const;
const FEMALE_GIVEN = [
  'Anh', 'Ánh', 'Châu', 'Chi', 'Diễm', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền',
  'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Sương',
  'Tâm', 'Thảo', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Vy', 'Yến',
] as const;

/** A Vietnamese full name: family, middle and given name, e.g. "Nguyễn Thị Thu Hương" style. */
export function personName(rng: Random): string {
  const family = rng.weighted(FAMILY_NAMES);
  const female = rng.chance(0.45);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  // Some people carry two middle names (e.g. "Nguyễn Thị Ngọc Anh").
  if (female && middle === 'Thị' && rng.chance(0.3)) return `${family} Thị ${rng.pick(['Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh'])} ${given}`;
  return `${family} ${middle} ${given}`;
}

/** Vietnamese mobile prefixes (Viettel, VinaPhone, MobiFone). */
const MOBILE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '088', '089'] as const;

function digits(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A mobile number written as "0905 123 456". */
export function mobilePhone(rng: Random): string {
  return `${rng.pick(MOBILE_PREFIXES)}${rng.int(0, 9)} ${digits(rng, 3)} ${digits(rng, 3)}`;
}

/** A Đà Nẵng landline (area code 0236) written as "0236 3812 345". */
export function landlinePhone(rng: Random): string {
  return `0236 3${digits(rng, 3)} ${digits(rng, 3)}`;
}

/** Thirteen fictional ward names (codes P01..P13 in this order). */
export const WARD_NAMES = [
  'Phường Minh An',
  'Phường Hòa Lạc',
  'Phường An Thịnh',
  'Phường Bình Phước',
  'Phường Tân Hòa',
  'Phường Phước Lộc',
  'Phường Thuận Thành',
  'Phường Hải An',
  'Phường Thạch Lâm',
  'Phường Vĩnh Phúc',
  'Phường Mỹ Hưng',
  'Phường Thanh Tâm',
  'Phường Đông Giang',
] as const;

/** ASCII slug of a Vietnamese name, for e-mail addresses: "Phường Hòa Lạc" -> "hoalac". */
export function asciiSlug(name: string): string {
  return name
    .replace(/^Phường\s+/u, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Street names (historical figures, places and virtues, as in every Vietnamese city; the district is fictional). */
export const STREET_NAMES = [
  'Lê Lợi', 'Trần Phú', 'Quang Trung', 'Hùng Vương', 'Phan Châu Trinh', 'Lê Duẩn', 'Nguyễn Trãi', 'Hoàng Diệu',
  'Ông Ích Khiêm', 'Hải Phòng', 'Lý Tự Trọng', 'Trưng Nữ Vương', 'Núi Thành', 'Duy Tân', 'Nguyễn Văn Linh',
  'Tôn Đức Thắng', 'Âu Cơ', 'Lạc Long Quân', 'Phan Bội Châu', 'Nguyễn Du', 'Bà Triệu', 'Lê Hồng Phong',
  'Trần Cao Vân', 'Hà Huy Tập', 'Điện Biên Phủ', 'Nguyễn Tri Phương', 'Hàm Nghi', 'Thái Phiên', 'Yên Bái',
  'Đống Đa', 'Lê Độ', 'Trần Quý Cáp', 'Nguyễn Chí Thanh', 'Hồ Xuân Hương', 'Phạm Văn Đồng', 'Ngô Quyền',
  'Nguyễn Thị Minh Khai', 'Lê Thánh Tôn', 'Huỳnh Thúc Kháng', 'Tiểu La', 'Cách Mạng Tháng Tám', 'Thanh Thủy',
  'Hòa Bình', 'An Nhơn', 'Mỹ An', 'Phú Lộc', 'Tân Lập', 'Bình Minh', 'Kinh Dương Vương', 'Đào Duy Từ',
] as const;

const BUSINESS_KINDS = [
  'Cửa hàng tạp hóa', 'Quán cà phê', 'Tiệm vàng', 'Nhà thuốc', 'Cửa hàng điện thoại', 'Quán ăn', 'Tiệm sửa xe',
  'Khách sạn', 'Công ty TNHH', 'Cửa hàng vật liệu xây dựng', 'Siêu thị mini', 'Nhà hàng',
] as const;
const BUSINESS_WORDS = ['Minh Anh', 'Phú Quý', 'Hoàng Long', 'An Khang', 'Thành Đạt', 'Ngọc Lan', 'Phước Thịnh', 'Hưng Phát', 'Bảo Ngọc', 'Thiên Ân', 'Kim Long', 'Hải Vân', 'Sơn Trà', 'Mai Vy', 'Tân Tiến'] as const;

/** A shop or company name, e.g. "Quán cà phê Phú Quý". */
export function businessName(rng: Random): string {
  return `${rng.pick(BUSINESS_KINDS)} ${rng.pick(BUSINESS_WORDS)}`;
}
