import { idCheckCharacter, luhnValid } from '@jingzhun/types';

/** A valid 18-character ID number (GB 11643) for demo and test data: address 370405, birth date, sequence. */
export function makeIdNumber(birthDate: string, sequence: number, address = '370405'): string {
  const first17 = `${address}${birthDate.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '玉梅', '德胜', '凤英', '长海', '淑珍', '明亮', '海燕', '春生', '金花', '宝山', '翠兰', '永福', '丽娟', '国庆', '小军', '文静'];

/** A deterministic name from two indexes. */
export function makeName(surnameIndex: number, givenIndex: number): string {
  return `${SURNAMES[surnameIndex % SURNAMES.length]}${GIVEN[givenIndex % GIVEN.length]}`;
}

/**
 * A deterministic 19-digit 一卡通 card number (BIN 622823, a valid Luhn check digit) for demo
 * members: unique per `seed`.
 */
export function makeAccountNumber(seed: number): string {
  const body = `622823${String(seed).padStart(12, '0')}`;
  for (let check = 0; check <= 9; check++) if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable');
}
