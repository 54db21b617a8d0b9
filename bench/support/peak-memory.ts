/** The process's peak resident set size so far, in MB (the kernel's high-water mark, not a sample). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
