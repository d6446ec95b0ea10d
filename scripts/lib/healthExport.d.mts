export function writeHealthExport(
  path: string,
  options: { nights: number; targetBytes: number; endDate: string },
): Promise<{ sleepHours: Map<string, number>; bytes: number }>;
