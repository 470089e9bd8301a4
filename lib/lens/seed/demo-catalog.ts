/** Names and places for the demo data set; invented, any likeness is chance. */
export const DEMO_REGIONS = [
  { Name: "North", Timezone: "Europe/London", CountryCode: "GB", Description: "Northern depots" },
  { Name: "South", Timezone: "Australia/Sydney", CountryCode: "AU" },
  { Name: "East", Timezone: "America/New_York", CountryCode: "US" },
  { Name: "West", Timezone: "America/Los_Angeles", CountryCode: "US" },
] as const;

export const DEMO_ACCOUNTS = [
  ["Acme Facilities", "Leeds"],
  ["Harbour Health", "Sydney"],
  ["Bluewater Hotels", "Boston"],
  ["Summit Schools", "Portland"],
  ["Greenfield Farms", "York"],
  ["Riverside Clinics", "Newcastle"],
  ["Metro Transit", "Brooklyn"],
  ["Coastal Storage", "San Diego"],
] as const;

export const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hugo",
  "Iris",
  "Jonas",
  "Keiko",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
] as const;

export const LAST_NAMES = [
  "Adams",
  "Baker",
  "Chen",
  "Diaz",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Khan",
  "Lopez",
  "Moreau",
  "Novak",
  "Okafor",
  "Patel",
] as const;

export const RESOURCE_CATEGORIES = ["Technician", "Nurse", "Driver"] as const;

export const JOB_TYPES = ["Installation", "Repair", "Inspection", "Delivery"] as const;

export const STREETS = [
  "High Street",
  "Station Road",
  "Mill Lane",
  "Harbour Way",
  "Oak Avenue",
] as const;

export const TAG_SETS = [null, null, null, "VIP", "Follow-up", "VIP;Follow-up", "Fragile"] as const;
