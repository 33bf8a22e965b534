import { Module } from '@nestjs/common';
import { MatchmakingController } from './matchmaking.controller';
import { MatchmakingService } from './matchmaking.service';
import { WarmPathService } from './warm-path.service';

@Module({ controllers: [MatchmakingController], providers: [MatchmakingService, WarmPathService], exports: [MatchmakingService] })
export class MatchmakingModule {}
